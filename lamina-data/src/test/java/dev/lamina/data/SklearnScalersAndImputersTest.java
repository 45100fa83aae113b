package dev.lamina.data;

import static dev.lamina.data.Fixtures.assertArrayClose;
import static dev.lamina.data.Fixtures.assertRowsClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StandardScaler, MinMaxScaler and SimpleImputer against scikit-learn on the course data. */
class SklearnScalersAndImputersTest {
  private static final JsonNode SCALERS = Fixtures.read("scalers");
  private static final JsonNode IMPUTERS = Fixtures.read("imputers");

  @Test
  void standardScalerMatchesOnRedWineFittedOnLeadingRowsOnly() {
    JsonNode expected = SCALERS.get("standard");
    Table wine = Datasets.redWine();
    StandardScaler scaler =
        new StandardScaler().fit(Fixtures.rows(wine, 0, expected.get("fitRows").asInt()));
    assertArrayClose(expected.get("mean"), scaler.mean(), "mean");
    assertArrayClose(expected.get("scale"), scaler.scale(), "scale");
    Table probe = Fixtures.rows(wine, expected.get("probeFrom").asInt(), 10);
    assertRowsClose(expected.get("probe"), scaler.transform(probe), "standardized");
  }

  @Test
  void minMaxScalerMatchesOnConcreteForBothRanges() {
    JsonNode expected = SCALERS.get("minmax");
    Table concrete = Datasets.concrete();
    Table fitRows = Fixtures.rows(concrete, 0, expected.get("fitRows").asInt());
    Table probe = Fixtures.rows(concrete, expected.get("probeFrom").asInt(), 10);
    MinMaxScaler scaler = new MinMaxScaler().fit(fitRows);
    assertArrayClose(expected.get("dataMin"), scaler.dataMin(), "data min");
    assertRowsClose(expected.get("probe"), scaler.transform(probe), "scaled to [0, 1]");
    assertRowsClose(
        expected.get("probeRangeMinus1To1"),
        new MinMaxScaler(-1, 1).fit(fitRows).transform(probe),
        "scaled to [-1, 1]");
  }

  @Test
  void numericImputerStrategiesMatchOnHotelColumnsWithMissingValues() {
    Table hotel = Datasets.hotel().select(List.of(Fixtures.strings(IMPUTERS.get("columns"))));
    Table fitRows = Fixtures.rows(hotel, 0, IMPUTERS.get("fitRows").asInt());
    Table probe = hotel.rows(Fixtures.ints(IMPUTERS.get("probeRows")));
    for (SimpleImputer.Strategy strategy :
        List.of(
            SimpleImputer.Strategy.MEAN,
            SimpleImputer.Strategy.MEDIAN,
            SimpleImputer.Strategy.MOST_FREQUENT)) {
      JsonNode expected = IMPUTERS.get(strategy.name().toLowerCase(java.util.Locale.ROOT));
      SimpleImputer imputer = new SimpleImputer(strategy).fit(fitRows);
      double[] statistics =
          imputer.statistics().stream().mapToDouble(value -> (Double) value).toArray();
      assertArrayClose(expected.get("statistics"), statistics, strategy + " statistics");
      assertRowsClose(expected.get("probe"), imputer.transform(probe), strategy + " imputed");
    }
  }

  @Test
  void textImputerMostFrequentAndConstantMatch() {
    JsonNode expected = IMPUTERS.get("text");
    Table hotel = Datasets.hotel().select(List.of(Fixtures.strings(expected.get("columns"))));
    Table fitRows = Fixtures.rows(hotel, 0, IMPUTERS.get("fitRows").asInt());
    Table probe = hotel.rows(Fixtures.ints(expected.get("probeRows")));
    SimpleImputer frequent = new SimpleImputer(SimpleImputer.Strategy.MOST_FREQUENT).fit(fitRows);
    assertEquals(List.of(Fixtures.strings(expected.get("mostFrequent"))), frequent.statistics());
    assertTextRows(expected.get("mostFrequentProbe"), frequent.transform(probe));
    assertTextRows(
        expected.get("constantProbe"), SimpleImputer.constant("NA").fit(fitRows).transform(probe));
  }

  @Test
  void mostFrequentTiesPickTheSmallestValueAsScikitLearnDoes() {
    Table table =
        Table.of(
            NumericColumn.of("x", 3, 1, 3, 1, Double.NaN, 2),
            StringColumn.of("s", "b", "a", "b", "a", null, "c"));
    SimpleImputer imputer = new SimpleImputer(SimpleImputer.Strategy.MOST_FREQUENT).fit(table);
    assertEquals(List.of(1.0, "a"), imputer.statistics());
  }

  @Test
  void medianOfAnEvenCountAveragesTheMiddlePair() {
    Table table = Table.of(NumericColumn.of("x", 4, Double.NaN, 1, 10, 2));
    assertEquals(
        List.of(3.0), new SimpleImputer(SimpleImputer.Strategy.MEDIAN).fit(table).statistics());
  }

  @Test
  void constantColumnGetsScaleOneAndMapsToZero() {
    Table table = Table.of(NumericColumn.of("x", 0.1, 0.1, 0.1));
    StandardScaler scaler = new StandardScaler().fit(table);
    assertEquals(1.0, scaler.scale()[0]);
    assertEquals(0.0, scaler.transform(table).numeric("x").get(1), 1e-15);
    assertEquals(0.0, new MinMaxScaler().fitTransform(table).numeric("x").get(0));
  }

  private static void assertTextRows(JsonNode expected, Table actual) {
    for (int row = 0; row < expected.size(); row++) {
      for (int c = 0; c < actual.columnCount(); c++) {
        assertEquals(
            expected.get(row).get(c).asText(),
            actual.strings(actual.columnNames().get(c)).get(row),
            "row " + row + " column " + c);
      }
    }
  }
}
