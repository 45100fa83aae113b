package dev.lamina.data.numerics;

/** The standard normal distribution's quantile function, accurate to a few ulps in the body. */
public final class NormalDistribution {
  private static final double INVERSE_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
  // below this probability the quantile is left at its rough value: every caller clips there
  private static final double REFINED_FROM = 1e-9;

  private NormalDistribution() {}

  /** The x with {@code P(Z <= x) = p}; -infinity at 0 and +infinity at 1, as scipy's ppf. */
  public static double quantile(double p) {
    if (p <= 0) {
      return p == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (p >= 1) {
      return p == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
  }

  /** For p up to 0.5: Abramowitz and Stegun 26.2.23 refined by Newton steps on the cdf. */
  private static double lowerQuantile(double p) {
    double t = Math.sqrt(-2 * Math.log(p));
    double x =
        -(t
            - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
    if (p < REFINED_FROM) {
      return x;
    }
    for (int step = 0; step < 8; step++) {
      double correction = (cdf(x) - p) / density(x);
      x -= correction;
      if (Math.abs(correction) <= 1e-16 * Math.abs(x)) {
        break;
      }
    }
    return x;
  }

  public static double density(double x) {
    return INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
  }

  /**
   * {@code 1/2 + density(x) * (x + x^3/3 + x^5/(3*5) + ...)}: every term has the sign of x, so the
   * sum has no cancellation; used only where |x| is below about 6.
   */
  public static double cdf(double x) {
    double term = x;
    double sum = x;
    double square = x * x;
    for (int n = 1; n < 500 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
      term *= square / (2 * n + 1);
      sum += term;
    }
    return 0.5 + density(x) * sum;
  }
}
