package dev.lamina.data;

import static dev.lamina.data.Fixtures.assertRowsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.data.preprocessing.OrdinalEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OneHotEncoder, OrdinalEncoder and LabelEncoder against scikit-learn: fitted on 1,000 hotel rows
 * and applied to rows with categories unseen during fit and with missing countries.
 */
class SklearnEncodersTest {
  private static final JsonNode ENCODERS = Fixtures.read("encoders");
  private static final Table HOTEL =
      Datasets.hotel().select(List.of(Fixtures.strings(ENCODERS.get("columns"))));
  private static final Table FIT_ROWS = Fixtures.rows(HOTEL, 0, ENCODERS.get("fitRows").asInt());
  private static final Table PROBE = HOTEL.rows(Fixtures.ints(ENCODERS.get("probeRows")));

  @Test
  void oneHotCategoriesFeatureNamesAndRowsMatchWithUnknownsIgnored() {
    OneHotEncoder encoder = new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE).fit(FIT_ROWS);
    List<List<String>> expectedCategories = new ArrayList<>();
    for (JsonNode column : ENCODERS.get("categories")) {
      expectedCategories.add(Arrays.asList(Fixtures.strings(column)));
    }
    assertEquals(expectedCategories, encoder.categories());
    Table encoded = encoder.transform(PROBE);
    assertEquals(List.of(Fixtures.strings(ENCODERS.get("featureNames"))), encoded.columnNames());
    assertRowsClose(ENCODERS.get("oneHotProbe"), encoded, "one-hot");
  }

  @Test
  void oneHotColumnsReachTheTensorAndPickedRowsAsScikitLearnsRows() {
    Table encoded =
        new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE).fit(FIT_ROWS).transform(PROBE);
    JsonNode expected = ENCODERS.get("oneHotProbe");
    int rows = expected.size();
    int[] reversed = new int[rows];
    for (int row = 0; row < rows; row++) {
      reversed[row] = rows - 1 - row;
    }
    Table picked = encoded.rows(reversed);
    float[] tensor = encoded.toTensor().toFloatArray();
    float[] pickedTensor = picked.toTensor().toFloatArray();
    int width = encoded.columnCount();
    for (int row = 0; row < rows; row++) {
      for (int c = 0; c < width; c++) {
        double value = expected.get(row).get(c).asDouble();
        String where = "row " + row + " column " + encoded.columnNames().get(c);
        assertEquals(value, tensor[row * width + c], where);
        assertEquals(value, pickedTensor[reversed[row] * width + c], "picked " + where);
        assertEquals(value, picked.numeric(encoded.columnNames().get(c)).toArray()[reversed[row]]);
      }
    }
  }

  @Test
  void oneHotColumnsScaleAndImputeAsTheirDenseCopies() {
    Table encoded =
        new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE).fit(FIT_ROWS).transform(PROBE);
    List<Column> copies = new ArrayList<>();
    for (String name : encoded.columnNames()) {
      copies.add(NumericColumn.of(name, encoded.numeric(name).toArray()));
    }
    Table dense = Table.of(copies);
    List<Transformer> steps =
        List.of(
            new StandardScaler(),
            new MinMaxScaler(),
            new SimpleImputer(SimpleImputer.Strategy.MOST_FREQUENT),
            new SimpleImputer(SimpleImputer.Strategy.MEDIAN));
    for (Transformer step : steps) {
      Table fromCodes = step.fit(encoded).transform(encoded);
      Table fromDoubles = step.fit(dense).transform(dense);
      for (String name : encoded.columnNames()) {
        assertArrayEquals(
            fromDoubles.numeric(name).toArray(),
            fromCodes.numeric(name).toArray(),
            step.getClass().getSimpleName() + " of " + name);
      }
    }
  }

  @Test
  void oneHotRaisesOnAnUnknownCategoryByDefaultNamingColumnAndValue() {
    OneHotEncoder encoder = new OneHotEncoder().fit(FIT_ROWS);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> encoder.transform(PROBE));
    assertTrue(error.getMessage().contains("not seen during fit"), error.getMessage());
    assertTrue(error.getMessage().contains("column '"), error.getMessage());
  }

  @Test
  void ordinalCodesMatchWithUnknownsEncodedAsMinusOneAndMissingKeptMissing() {
    Table encoded = OrdinalEncoder.withUnknownValue(-1).fit(FIT_ROWS).transform(PROBE);
    assertRowsClose(ENCODERS.get("ordinalProbe"), encoded, "ordinal");
  }

  @Test
  void categoryCountsOnTheWholeFileMatchCountingMissingAsACategory() {
    OneHotEncoder encoder = new OneHotEncoder().fit(HOTEL);
    int[] expected = Fixtures.ints(ENCODERS.get("fullFitCategoryCounts"));
    for (int c = 0; c < expected.length; c++) {
      assertEquals(expected[c], encoder.categories().get(c).size(), HOTEL.columnNames().get(c));
    }
  }

  @Test
  void labelEncoderSortsClassesAndCodesIon() {
    JsonNode expected = Fixtures.read("labels");
    Table classes = Datasets.ionosphere().select("Class");
    LabelEncoder encoder = new LabelEncoder().fit(classes);
    assertEquals(List.of(Fixtures.strings(expected.get("classes"))), encoder.classes());
    Table codes = encoder.transform(Fixtures.rows(classes, 0, 20));
    Fixtures.assertArrayClose(
        expected.get("firstCodes"), codes.numeric("Class").toArray(), "codes");
  }

  @Test
  void numericCategoriesSortByValueNotByText() {
    Table table = Table.of(NumericColumn.of("n", 10, 2, 2, 1.5));
    OneHotEncoder encoder = new OneHotEncoder().fit(table);
    assertEquals(List.of("1.5", "2", "10"), encoder.categories().get(0));
    assertEquals(List.of("n_1.5", "n_2", "n_10"), encoder.transform(table).columnNames());
  }
}
