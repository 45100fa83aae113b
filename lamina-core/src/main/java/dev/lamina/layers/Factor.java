package dev.lamina.layers;

import java.util.Arrays;
import java.util.List;

/**
 * A range {@code [lower, upper]} given as Keras's augmentation layers take it: one number {@code f}
 * for {@code [-|f|, |f|]}, or two numbers in either order; kept as given for the config.
 */
record Factor(double lower, double upper, double[] given) {

  /**
   * The range of {@code values}, each within {@code [-1, 1]} ({@code (-1, 1]} when {@code
   * aboveMinusOne}), naming the layer and option otherwise.
   */
  static Factor of(String layer, String option, boolean aboveMinusOne, double... values) {
    boolean inRange =
        values != null
            && (values.length == 1 || values.length == 2)
            && Arrays.stream(values).allMatch(v -> v <= 1 && (aboveMinusOne ? v > -1 : v >= -1));
    if (!inRange) {
      throw new IllegalArgumentException(
          layer
              + ": "
              + option
              + " must be one number or two in the range "
              + (aboveMinusOne ? "(-1, 1]" : "[-1, 1]")
              + ", got "
              + Arrays.toString(values));
    }
    if (values.length == 1) {
      double f = Math.abs(values[0]);
      return new Factor(-f, f, values.clone());
    }
    return new Factor(
        Math.min(values[0], values[1]), Math.max(values[0], values[1]), values.clone());
  }

  /** A draw from {@code [lower, upper)} given a uniform draw from {@code [0, 1)}. */
  double at(double uniform) {
    return lower + (upper - lower) * uniform;
  }

  /** As given: a number, or a list of two. */
  Object config() {
    return given.length == 1 ? given[0] : List.of(given[0], given[1]);
  }

  /** The numbers of a config value that is a number or a list of numbers; null when absent. */
  static double[] fromConfig(LayerConfig config, String key) {
    Object value = config.values().get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return new double[] {n.doubleValue()};
    }
    if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
      return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
    throw new IllegalArgumentException(
        config.className()
            + " config: "
            + key
            + " must be a number or a list of two, got "
            + value);
  }
}
