package dev.lamina.data.numerics;

/**
 * NumPy's pairwise summation (eight interleaved partial sums in blocks of up to 128, halves above
 * that), so that sums, means and variances round as NumPy's do. Where an optimizer walks a flat
 * likelihood, rounding differences alone would move the fitted parameter.
 */
public final class PairwiseSum {
  private static final int BLOCK = 128;

  private PairwiseSum() {}

  public static double of(double[] values) {
    return sum(values, 0, values.length);
  }

  /** {@code numpy.var}: the mean of squared deviations from the pairwise mean. */
  public static double variance(double[] values) {
    double mean = of(values) / values.length;
    double[] squares = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double deviation = values[i] - mean;
      squares[i] = deviation * deviation;
    }
    return of(squares) / values.length;
  }

  private static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double result = -0.0;
      for (int i = from; i < from + n; i++) {
        result += a[i];
      }
      return result;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[from + j];
      }
      int i = 8;
      for (; i < n - n % 8; i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double result = (r[0] + r[1] + (r[2] + r[3])) + (r[4] + r[5] + (r[6] + r[7]));
      for (; i < n; i++) {
        result += a[from + i];
      }
      return result;
    }
    int half = n / 2;
    half -= half % 8;
    return sum(a, from, half) + sum(a, from + half, n - half);
  }
}
