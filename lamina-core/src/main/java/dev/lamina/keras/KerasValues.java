package dev.lamina.keras;

import java.util.List;
import java.util.Map;

/** Small, typed readings of values in Keras configs. */
final class KerasValues {
  private KerasValues() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /**
   * A shape with its leading batch axis ({@code [null, 10]}) as the per-sample shape {@code [10]};
   * null when absent or when a per-sample dimension is unknown.
   */
  static int[] batchShape(Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    int[] shape = new int[list.size() - 1];
    for (int i = 1; i < list.size(); i++) {
      if (!(list.get(i) instanceof Number n) || n.intValue() <= 0) {
        return null;
      }
      shape[i - 1] = n.intValue();
    }
    return shape;
  }

  /** An axis given as an int or a one-element list ({@code [-1]}), or null if neither. */
  static Integer axis(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Number n) {
      return n.intValue();
    }
    return null;
  }
}
