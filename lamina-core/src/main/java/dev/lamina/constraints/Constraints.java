package dev.lamina.constraints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a constraint's Keras config, naming the constraint and option when a value is wrong. */
final class Constraints {
  static final List<String> NAMES = List.of("MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm");

  private Constraints() {}

  static Constraint fromConfig(String className, Map<String, Object> config) {
    Map<String, Object> options = config == null ? Map.of() : config;
    return switch (className) {
      case "MaxNorm" ->
          new MaxNorm(number(className, options, "max_value", 2), axes(className, options));
      case "MinMaxNorm" ->
          new MinMaxNorm(
              number(className, options, "min_value", 0),
              number(className, options, "max_value", 1),
              number(className, options, "rate", 1),
              axes(className, options));
      case "NonNeg" -> new NonNeg();
      case "UnitNorm" -> new UnitNorm(axes(className, options));
      default ->
          throw new IllegalArgumentException(
              "unknown constraint '" + className + "'; valid names: " + String.join(", ", NAMES));
    };
  }

  private static double number(
      String className, Map<String, Object> options, String key, double fallback) {
    Object value = options.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(
          className + ": option '" + key + "' must be a number, got " + value);
    }
    return n.doubleValue();
  }

  /** Keras's {@code axis}: one integer or a list of them; 0 when absent. */
  private static List<Integer> axes(String className, Map<String, Object> options) {
    Object value = options.get("axis");
    if (value == null) {
      return List.of(0);
    }
    List<?> items = value instanceof List<?> list ? list : List.of(value);
    List<Integer> axes = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Number n) || n.doubleValue() != n.intValue()) {
        throw new IllegalArgumentException(
            className + ": option 'axis' must be an integer or a list of integers, got " + value);
      }
      axes.add(n.intValue());
    }
    return axes;
  }
}
