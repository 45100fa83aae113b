package dev.lamina.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Matrices as arrays of rows (rows may differ in length): deep copies and JSON. */
final class Matrices {
  private Matrices() {}

  static double[][] copy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return copy;
  }

  static ArrayNode toJson(double[][] rows) {
    ArrayNode array = TransformerJson.array();
    for (double[] row : rows) {
      array.add(TransformerJson.doubles(row));
    }
    return array;
  }

  static double[][] fromJson(JsonNode json, String field) {
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
