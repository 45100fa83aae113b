package dev.lamina.data.fitting;

import dev.lamina.data.NumericColumn;
import java.util.Arrays;

/**
 * Percentiles with NumPy's default ("linear") interpolation, over the present values of a column:
 * the q-th percentile of n sorted values lies at position {@code q / 100 * (n - 1)}.
 */
public final class Percentiles {
  private Percentiles() {}

  /** The present (non-NaN) values, sorted; an error names the column when there are none. */
  public static double[] sortedPresent(String transformer, NumericColumn column) {
    FittedColumns.requirePresent(transformer, column);
    double[] values = column.toArray();
    double[] present = new double[values.length];
    int count = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        present[count++] = value;
      }
    }
    double[] sorted = Arrays.copyOf(present, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** The percentile {@code q} (0 to 100) of ascending {@code sorted} values. */
  public static double of(double[] sorted, double q) {
    double position = q / 100.0 * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return lerp(sorted[below], sorted[above], fraction);
  }

  /** NumPy's lerp, exact at both ends whichever way the fraction rounds. */
  private static double lerp(double a, double b, double t) {
    double difference = b - a;
    return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
  }
}
