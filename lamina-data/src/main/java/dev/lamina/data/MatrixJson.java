package dev.lamina.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Matrices (arrays of rows, rows may differ in length) as JSON arrays of arrays. */
final class MatrixJson {
  private MatrixJson() {}

  static ArrayNode write(double[][] rows) {
    ArrayNode array = TransformerJson.array();
    for (double[] row : rows) {
      array.add(TransformerJson.doubles(row));
    }
    return array;
  }

  static double[][] read(JsonNode json, String field) {
    JsonNode array = TransformerJson.required(json, field);
    double[][] rows = new double[array.size()][];
    for (int r = 0; r < rows.length; r++) {
      JsonNode row = array.get(r);
      rows[r] = new double[row.size()];
      for (int i = 0; i < rows[r].length; i++) {
        rows[r][i] = row.get(i).asDouble();
      }
    }
    return rows;
  }
}
