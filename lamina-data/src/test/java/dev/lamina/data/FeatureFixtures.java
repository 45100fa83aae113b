package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads features.json (made by tools/fixtures/make_feature_fixtures.py) and compares with the
 * issue's tolerance: 1e-6 relative, or absolute below magnitude 1.
 */
public final class FeatureFixtures {
  public static final JsonNode ALL = Fixtures.read("features");
  private static final double RELATIVE_TOLERANCE = 1e-6;

  private FeatureFixtures() {}

  public static Table fitRows(Table table) {
    return Fixtures.rows(table, 0, ALL.get("fitRows").asInt());
  }

  public static Table probeRows(Table table) {
    return Fixtures.rows(table, ALL.get("probeFrom").asInt(), ALL.get("probeRows").asInt());
  }

  public static void assertClose(JsonNode expected, double actual, String what) {
    double wanted = Fixtures.number(expected);
    if (Double.isNaN(wanted)) {
      assertEquals(Double.NaN, actual, what);
      return;
    }
    assertEquals(wanted, actual, RELATIVE_TOLERANCE * Math.max(1, Math.abs(wanted)), what);
  }

  public static void assertArrayClose(JsonNode expected, double[] actual, String what) {
    assertEquals(expected.size(), actual.length, what + ": length");
    for (int i = 0; i < actual.length; i++) {
      assertClose(expected.get(i), actual[i], what + "[" + i + "]");
    }
  }

  public static void assertMatrixClose(JsonNode expected, double[][] actual, String what) {
    assertEquals(expected.size(), actual.length, what + ": rows");
    for (int r = 0; r < actual.length; r++) {
      assertArrayClose(expected.get(r), actual[r], what + " row " + r);
    }
  }

  /** Expected rows (a JSON matrix) against a table of numbers, cell by cell. */
  public static void assertRowsClose(JsonNode expectedRows, Table actual, String what) {
    assertEquals(expectedRows.size(), actual.rowCount(), what + ": rows");
    assertEquals(expectedRows.get(0).size(), actual.columnCount(), what + ": columns");
    for (int c = 0; c < actual.columnCount(); c++) {
      NumericColumn column = actual.numeric(actual.columnNames().get(c));
      for (int row = 0; row < actual.rowCount(); row++) {
        assertClose(
            expectedRows.get(row).get(c),
            column.get(row),
            what + " row " + row + " column " + column.name());
      }
    }
  }
}
