package dev.lamina.kernels;

/**
 * The error function in float64 to within about 1e-15: a series of positive terms (no cancellation)
 * below 3, a continued fraction for erfc above, and ±1 past 6 where erf rounds to it.
 */
public final class Erf {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  private static final double CONTINUED_FRACTION_FROM = 3;
  private static final double ROUNDS_TO_ONE_FROM = 6;

  private Erf() {}

  public static double erf(double x) {
    double ax = Math.abs(x);
    if (Double.isNaN(x) || ax >= ROUNDS_TO_ONE_FROM) {
      return Double.isNaN(x) ? x : Math.copySign(1, x);
    }
    double value = ax < CONTINUED_FRACTION_FROM ? series(ax) : 1 - erfcContinuedFraction(ax);
    return Math.copySign(value, x);
  }

  /** erf(x) = 2x/√π · e^(−x²) · Σ (2x²)^n / (1·3·…·(2n+1)). */
  private static double series(double x) {
    double ratio = 2 * x * x;
    double term = 1;
    double total = 1;
    for (int n = 1; term > 1e-17 * total; n++) {
      term *= ratio / (2 * n + 1);
      total += term;
    }
    return TWO_OVER_SQRT_PI * x * expMinusSquare(x) * total;
  }

  /** erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))), by Lentz's method. */
  private static double erfcContinuedFraction(double x) {
    double fraction = x;
    double c = x;
    double d = 0;
    for (int n = 1; n < 500; n++) {
      double a = n / 2.0;
      d = 1 / (x + a * d);
      c = x + a / c;
      double delta = c * d;
      fraction *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI / 2 * expMinusSquare(x) / fraction;
  }

  /** e^(−x²) with the rounding error of x² folded back in, worth two digits near x = 3. */
  private static double expMinusSquare(double x) {
    double square = x * x;
    double error = Math.fma(x, x, -square);
    return Math.exp(-square) * (1 - error);
  }
}
