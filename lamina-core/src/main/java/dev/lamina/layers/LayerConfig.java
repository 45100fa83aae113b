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
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw wrongType(key, "a number", value);
  }

  int integer(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(className + " config: missing option '" + key + "'");
    }
    return toInt(key, value);
  }

  boolean bool(String key, boolean fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(key, "true or false", value);
  }

  String string(String key, String fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String text) {
      return text;
    }
    throw wrongType(key, "a string", value);
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

  /** A nested {@code {"class_name": ..., "config": {...}}} object, or null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> objectOrNull(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw wrongType(key, "an object", value);
  }

  /** A shape as a JSON-compatible list. */
  static List<Object> list(int[] shape) {
    List<Object> list = new ArrayList<>(shape.length);
    for (int dim : shape) {
      list.add(dim);
    }
    return list;
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
