package dev.lamina.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of a layer's config map. Accepts what a JSON reader gives back (any {@link Number}
 * for ints and doubles, lists for shapes) and names the layer and option when a value is wrong.
 */
record LayerConfig(String className, Map<String, Object> values) {

  double number(String key, double fallback) {
    return optional(key, Number.class, fallback, "a number").doubleValue();
  }

  int integer(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(className + " config: missing option '" + key + "'");
    }
    return toInt(key, value);
  }

  int integer(String key, int fallback) {
    Object value = values.get(key);
    return value == null ? fallback : toInt(key, value);
  }

  /** A required list of integers. */
  int[] ints(String key) {
    int[] ints = intsOrNull(key);
    if (ints == null) {
      throw new IllegalArgumentException(className + " config: missing option '" + key + "'");
    }
    return ints;
  }

  boolean bool(String key, boolean fallback) {
    return optional(key, Boolean.class, fallback, "true or false");
  }

  String string(String key, String fallback) {
    return optional(key, String.class, fallback, "a string");
  }

  int[] intsOrNull(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw wrongType(key, "a list of integers", value);
    }
    int[] ints = new int[list.size()];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = toInt(key, list.get(i));
    }
    return ints;
  }

  /** A number or a list of numbers (Keras accepts both for per-feature values), or null. */
  double[] numbersOrNull(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    List<?> items = value instanceof List<?> list ? list : List.of(value);
    double[] numbers = new double[items.size()];
    for (int i = 0; i < numbers.length; i++) {
      if (!(items.get(i) instanceof Number number)) {
        throw wrongType(key, "a number or a list of numbers", value);
      }
      numbers[i] = number.doubleValue();
    }
    return numbers;
  }

  /** A nested {@code {"class_name": ..., "config": {...}}} object, or null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> objectOrNull(String key) {
    return (Map<String, Object>) optional(key, Map.class, null, "an object");
  }

  /** Numbers as a JSON-compatible list. */
  static List<Object> list(double[] numbers) {
    List<Object> list = new ArrayList<>(numbers.length);
    for (double number : numbers) {
      list.add(number);
    }
    return list;
  }

  /** A shape as a JSON-compatible list. */
  static List<Object> list(int[] shape) {
    List<Object> list = new ArrayList<>(shape.length);
    for (int dim : shape) {
      list.add(dim);
    }
    return list;
  }

  private <T> T optional(String key, Class<T> type, T fallback, String expected) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw wrongType(key, expected, value);
  }

  private int toInt(String key, Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    throw wrongType(key, "an integer", value);
  }

  private IllegalArgumentException wrongType(String key, String expected, Object value) {
    return new IllegalArgumentException(
        className + " config: option '" + key + "' must be " + expected + ", got " + value);
  }
}
