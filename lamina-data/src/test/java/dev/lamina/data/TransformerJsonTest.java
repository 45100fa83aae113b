package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.preprocessing.OrdinalEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fitted transformer written to JSON and read back transforms exactly as the original. */
class TransformerJsonTest {
  private static final Table HOTEL = Datasets.hotel().head(2000);

  @Test
  void everyTransformerRoundTripsBitForBit() {
    Table numeric = HOTEL.select("lead_time", "adr", "agent");
    Table text = HOTEL.select("hotel", "meal", "country");
    List<Transformer> fittedOnNumbers =
        List.of(
            new StandardScaler(),
            new MinMaxScaler(-1, 2),
            new SimpleImputer(SimpleImputer.Strategy.MEDIAN),
            SimpleImputer.constant(0),
            new Pipeline(SimpleImputer.constant(0), new StandardScaler()));
    for (Transformer transformer : fittedOnNumbers) {
      assertRoundTrip(transformer.fit(numeric), numeric);
    }
    List<Transformer> fittedOnText =
        List.of(
            new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE),
                OrdinalEncoder.withUnknownValue(-1),
            new SimpleImputer(SimpleImputer.Strategy.MOST_FREQUENT), SimpleImputer.constant("NA"));
    for (Transformer transformer : fittedOnText) {
      assertRoundTrip(transformer.fit(text), text);
    }
    assertRoundTrip(new LabelEncoder().fit(HOTEL.select("hotel")), HOTEL.select("hotel"));
    Table mixed = HOTEL.select("lead_time", "adr", "children", "hotel", "meal", "is_canceled");
    ColumnTransformer fitted =
        new ColumnTransformer()
            .add(
                "num",
                new Pipeline(SimpleImputer.constant(0), new StandardScaler()),
                "lead_time",
                "adr",
                "children")
            .add("cat", new OneHotEncoder(), "hotel", "meal")
            .remainder(ColumnTransformer.Remainder.PASSTHROUGH)
            .fit(mixed);
    assertEquals("num__lead_time", fitted.featureNames().get(0));
    assertTrue(fitted.featureNames().contains("cat__hotel_Resort Hotel"));
    assertEquals(
        "remainder__is_canceled", fitted.featureNames().get(fitted.featureNames().size() - 1));
    assertRoundTrip(fitted, mixed);
    assertFalse(HotelPreprocessingTest.coursePreprocessing().isFitted());
  }

  @Test
  void anUnfittedTransformerRoundTripsItsOptions() {
    Transformer copy =
        TransformerJson.fromJson(
            TransformerJson.toJsonString(new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE)));
    assertFalse(copy.isFitted());
    assertEquals("ignore", copy.toJson().get("handleUnknown"));
  }

  @Test
  void unknownTypeAndBrokenJsonAreReported() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> TransformerJson.fromJson("{\"type\":\"RobustScaler\"}"));
    assertTrue(unknown.getMessage().contains("RobustScaler"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TransformerJson.fromJson("{not json"));
    assertThrows(
        IllegalArgumentException.class, () -> TransformerJson.fromJson("{\"type\":\"Pipeline\"}"));
  }

  private static void assertRoundTrip(Transformer fitted, Table input) {
    String json = TransformerJson.toJsonString(fitted);
    Transformer copy = TransformerJson.fromJson(json);
    assertEquals(json, TransformerJson.toJsonString(copy), "JSON is stable");
    Table expected = fitted.transform(input);
    Table actual = copy.transform(input);
    assertEquals(expected.columnNames(), actual.columnNames());
    for (String name : expected.columnNames()) {
      Column column = expected.column(name);
      if (column instanceof NumericColumn numeric) {
        assertArrayEquals(numeric.toArray(), actual.numeric(name).toArray(), name);
      } else {
        assertArrayEquals(((StringColumn) column).toArray(), actual.strings(name).toArray(), name);
      }
    }
  }
}
