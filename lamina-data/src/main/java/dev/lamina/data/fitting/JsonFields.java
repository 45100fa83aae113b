package dev.lamina.data.fitting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of a transformer's JSON form ({@code Transformer.toJson()}): building it from learnt
 * values, and reading it back field by field with an error naming the transformer and the field
 * when a field is missing or of the wrong kind.
 */
public final class JsonFields {
  private JsonFields() {}

  public static Map<String, Object> object(String type) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    return json;
  }

  public static List<Object> doubles(double[] values) {
    List<Object> list = new ArrayList<>(values.length);
    for (double value : values) {
      list.add(number(value));
    }
    return list;
  }

  /**
   * A double as JSON holds it: NaN and the infinities (a NaN score, say) as the strings {@code
   * "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as these files have always had them.
   */
  public static Object number(double value) {
    return Double.isFinite(value) ? (Object) value : Double.toString(value);
  }

  /** A copy that keeps nulls (missing values), which List.copyOf refuses. */
  public static List<String> strings(List<String> values) {
    return new ArrayList<>(values);
  }

  public static List<List<Object>> matrix(double[][] rows) {
    List<List<Object>> list = new ArrayList<>(rows.length);
    for (double[] row : rows) {
      list.add(doubles(row));
    }
    return list;
  }

  public static Object required(Map<String, ?> json, String field) {
    Object value = json.get(field);
    if (value == null) {
      throw new IllegalArgumentException(
          "TransformerJson: " + type(json) + " lacks the field '" + field + "'");
    }
    return value;
  }

  public static String text(Map<String, ?> json, String field) {
    return text(json, field, required(json, field));
  }

  public static String text(Map<String, ?> json, String field, String fallback) {
    return json.get(field) == null ? fallback : text(json, field, json.get(field));
  }

  private static String text(Map<String, ?> json, String field, Object value) {
    if (!(value instanceof String s)) {
      throw wrongKind(json, field, "a string", value);
    }
    return s;
  }

  public static double number(Map<String, ?> json, String field) {
    return number(json, field, required(json, field));
  }

  public static double number(Map<String, ?> json, String field, double fallback) {
    return json.get(field) == null ? fallback : number(json, field, json.get(field));
  }

  private static double number(Map<String, ?> json, String field, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw wrongKind(json, field, "a number", value);
      }
    }
    throw wrongKind(json, field, "a number", value);
  }

  public static long integer(Map<String, ?> json, String field, long fallback) {
    Object value = json.get(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Long n)) {
      throw wrongKind(json, field, "an integer", value);
    }
    return n;
  }

  public static int integer(Map<String, ?> json, String field) {
    required(json, field);
    long value = integer(json, field, 0);
    if (value != (int) value) {
      throw wrongKind(json, field, "an int", value);
    }
    return (int) value;
  }

  public static boolean flag(Map<String, ?> json, String field, boolean fallback) {
    Object value = json.get(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw wrongKind(json, field, "true or false", value);
    }
    return b;
  }

  public static List<?> list(Map<String, ?> json, String field) {
    Object value = required(json, field);
    if (!(value instanceof List<?> list)) {
      throw wrongKind(json, field, "a list", value);
    }
    return list;
  }

  /** A nested object, such as a step of a pipeline. */
  @SuppressWarnings("unchecked") // Json.parse and toJson() make every object a Map<String, ?>
  public static Map<String, ?> object(Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "TransformerJson: " + what + " must be a JSON object, got " + describe(value));
    }
    return (Map<String, ?>) value;
  }

  public static double[] readDoubles(Map<String, ?> json, String field) {
    return doubles(json, field, list(json, field));
  }

  public static double[][] readMatrix(Map<String, ?> json, String field) {
    List<?> list = list(json, field);
    double[][] rows = new double[list.size()][];
    for (int r = 0; r < rows.length; r++) {
      if (!(list.get(r) instanceof List<?> row)) {
        throw wrongKind(json, field, "a list of lists of numbers", list.get(r));
      }
      rows[r] = doubles(json, field, row);
    }
    return rows;
  }

  private static double[] doubles(Map<String, ?> json, String field, List<?> items) {
    double[] values = new double[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(json, field, items.get(i));
    }
    return values;
  }

  /** A list of strings in which JSON null stands for a missing value. */
  public static List<String> readStrings(Map<String, ?> json, String field) {
    return strings(json, field, list(json, field));
  }

  public static List<String> strings(Map<String, ?> json, String field, List<?> items) {
    List<String> values = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item != null && !(item instanceof String)) {
        throw wrongKind(json, field, "a list of strings", item);
      }
      values.add((String) item);
    }
    return values;
  }

  private static String type(Map<String, ?> json) {
    return json.get("type") instanceof String name ? name : "?";
  }

  private static IllegalArgumentException wrongKind(
      Map<String, ?> json, String field, String expected, Object value) {
    return new IllegalArgumentException(
        "TransformerJson: "
            + type(json)
            + "'s field '"
            + field
            + "' must be "
            + expected
            + ", got "
            + describe(value));
  }

  private static String describe(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
