package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the scikit-learn reference values made by tools/fixtures/make_data_fixtures.py. */
public final class Fixtures {
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private Fixtures() {}

  public static JsonNode read(String name) {
    try (InputStream input = Fixtures.class.getResourceAsStream("fixtures/" + name + ".json")) {
      return new ObjectMapper().readTree(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON null stands for NaN (a missing value). */
  public static double number(JsonNode value) {
    return value.isNull() ? Double.NaN : value.asDouble();
  }

  public static void assertClose(JsonNode expected, double actual, String what) {
    double wanted = number(expected);
    if (Double.isNaN(wanted)) {
      assertEquals(Double.NaN, actual, what);
      return;
    }
    double tolerance = RELATIVE_TOLERANCE * Math.max(1, Math.abs(wanted));
    assertEquals(wanted, actual, tolerance, what);
  }

  public static void assertArrayClose(JsonNode expected, double[] actual, String what) {
    assertEquals(expected.size(), actual.length, what + ": length");
    for (int i = 0; i < actual.length; i++) {
      assertClose(expected.get(i), actual[i], what + "[" + i + "]");
    }
  }

  /** Compares expected rows (a JSON matrix) with a table of numbers, cell by cell. */
  public static void assertRowsClose(JsonNode expectedRows, Table actual, String what) {
    assertEquals(expectedRows.size(), actual.rowCount(), what + ": rows");
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

  public static String[] strings(JsonNode array) {
    String[] values = new String[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).isNull() ? null : array.get(i).asText();
    }
    return values;
  }

  public static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  public static Table rows(Table table, int from, int count) {
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = from + i;
    }
    return table.rows(indices);
  }
}
