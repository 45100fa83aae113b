package dev.lamina.data.numerics;

/** The digamma function for positive arguments, to about 1e-15 relative. */
public final class Digamma {
  private static final double ASYMPTOTIC_FROM = 20;

  private Digamma() {}

  public static double of(double x) {
    double shift = 0;
    while (x < ASYMPTOTIC_FROM) {
      shift -= 1 / x;
      x += 1;
    }
    double inverseSquare = 1 / (x * x);
    // the asymptotic series ln x - 1/(2x) - sum B_2k / (2k x^2k)
    double series =
        inverseSquare
            * (1.0 / 12
                - inverseSquare
                    * (1.0 / 120
                        - inverseSquare
                            * (1.0 / 252 - inverseSquare * (1.0 / 240 - inverseSquare / 132))));
    return shift + Math.log(x) - 0.5 / x - series;
  }
}
