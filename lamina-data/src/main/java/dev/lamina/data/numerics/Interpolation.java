package dev.lamina.data.numerics;

/** {@code numpy.interp} over ascending points that may repeat, from either end. */
public final class Interpolation {
  private Interpolation() {}

  /** {@code numpy.interp(x, xs, ys)}: among repeated xs, an exact hit takes the last y. */
  public static double forward(double x, double[] xs, double[] ys) {
    int last = xs.length - 1;
    if (x < xs[0]) {
      return ys[0];
    }
    if (x >= xs[last]) {
      return ys[last];
    }
    int j = lastAtMost(xs, x);
    if (x == xs[j]) {
      return ys[j];
    }
    double slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
    return slope * (x - xs[j]) + ys[j];
  }

  /**
   * {@code -numpy.interp(-x, -xs[::-1], -ys[::-1])}: the same line read from the top end, so an
   * exact hit among repeated xs takes the first y.
   */
  public static double backward(double x, double[] xs, double[] ys) {
    int last = xs.length - 1;
    if (x > xs[last]) {
      return ys[last];
    }
    if (x <= xs[0]) {
      return ys[0];
    }
    int j = firstAtLeast(xs, x);
    if (x == xs[j]) {
      return ys[j];
    }
    double slope = (-ys[j - 1] + ys[j]) / (-xs[j - 1] + xs[j]);
    return -(slope * (-x + xs[j]) - ys[j]);
  }

  private static int lastAtMost(double[] xs, double x) {
    int low = 0;
    int high = xs.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (xs[middle] <= x) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  private static int firstAtLeast(double[] xs, double x) {
    int low = 0;
    int high = xs.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (xs[middle] >= x) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
