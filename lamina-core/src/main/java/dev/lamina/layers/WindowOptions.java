package dev.lamina.layers;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reading and checking the sliding-window options Keras's convolution and pooling layers share:
 * sizes given as one integer for every spatial axis or one per axis, and the padding name.
 */
final class WindowOptions {
  private WindowOptions() {}

  /** One positive size per spatial axis from one value for all or one per axis. */
  static int[] sizes(String layer, String option, int rank, int... values) {
    int[] sizes = values.length == 1 ? filled(rank, values[0]) : values.clone();
    if (sizes.length != rank || Arrays.stream(sizes).anyMatch(v -> v <= 0)) {
      throw new IllegalArgumentException(
          layer
              + ": "
              + option
              + " must be one positive integer or "
              + rank
              + " of them, got "
              + Arrays.toString(values));
    }
    return sizes;
  }

  /** True for {@code same}, false for {@code valid}, case-insensitive as Keras reads it. */
  static boolean samePadding(String layer, String padding) {
    String name = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
    if (!name.equals("same") && !name.equals("valid")) {
      throw new IllegalArgumentException(
          layer + ": padding must be 'valid' or 'same', got '" + padding + "'");
    }
    return name.equals("same");
  }

  static int[] filled(int rank, int value) {
    int[] sizes = new int[rank];
    Arrays.fill(sizes, value);
    return sizes;
  }

  /** The sizes from a config list, or the fallback when absent. */
  static int[] fromConfig(LayerConfig config, String key, int[] fallback) {
    int[] values = config.intsOrNull(key);
    return values == null ? fallback : values;
  }
}
