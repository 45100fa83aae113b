package dev.lamina.data.numerics;

import java.util.function.DoubleUnaryOperator;

/**
 * Minimizes a function of one variable the way {@code scipy.optimize.brent} does (golden-section
 * bracketing from two starting points, then Brent's parabolic steps to a relative tolerance of
 * 1.48e-8), so that fitted parameters agree with scikit-learn's to that tolerance.
 */
public final class BrentMinimizer {
  private static final double GOLD = 1.618034;
  private static final double GROW_LIMIT = 110.0;
  private static final double VERY_SMALL = 1e-21;
  private static final double GOLDEN_SECTION = 0.3819660;
  private static final double TOLERANCE = 1.48e-8;
  private static final double MIN_TOLERANCE = 1.0e-11;
  private static final int MAX_ITERATIONS = 500;
  private static final int MAX_BRACKET_STEPS = 1000;

  private BrentMinimizer() {}

  /** The minimizing argument, searched from the bracket {@code (start, next)}. */
  public static double minimize(DoubleUnaryOperator f, double start, double next, String what) {
    double[] bracket = bracket(f, start, next, what);
    double xa = bracket[0];
    double xc = bracket[2];
    double x = bracket[1];
    double w = x;
    double v = x;
    double fx = bracket[4];
    double fw = fx;
    double fv = fx;
    double a = Math.min(xa, xc);
    double b = Math.max(xa, xc);
    double deltax = 0;
    double rat = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double tol1 = TOLERANCE * Math.abs(x) + MIN_TOLERANCE;
      double tol2 = 2 * tol1;
      double xmid = 0.5 * (a + b);
      if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) {
        break;
      }
      if (Math.abs(deltax) <= tol1) {
        deltax = x >= xmid ? a - x : b - x;
        rat = GOLDEN_SECTION * deltax;
      } else {
        double tmp1 = (x - w) * (fx - fv);
        double tmp2 = (x - v) * (fx - fw);
        double p = (x - v) * tmp2 - (x - w) * tmp1;
        tmp2 = 2 * (tmp2 - tmp1);
        if (tmp2 > 0) {
          p = -p;
        }
        tmp2 = Math.abs(tmp2);
        double previousStep = deltax;
        deltax = rat;
        if (p > tmp2 * (a - x)
            && p < tmp2 * (b - x)
            && Math.abs(p) < Math.abs(0.5 * tmp2 * previousStep)) {
          rat = p / tmp2;
          double u = x + rat;
          if (u - a < tol2 || b - u < tol2) {
            rat = xmid - x >= 0 ? tol1 : -tol1;
          }
        } else {
          deltax = x >= xmid ? a - x : b - x;
          rat = GOLDEN_SECTION * deltax;
        }
      }
      double u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
      double fu = f.applyAsDouble(u);
      if (fu > fx) {
        if (u < x) {
          a = u;
        } else {
          b = u;
        }
        if (fu <= fw || w == x) {
          v = w;
          w = u;
          fv = fw;
          fw = fu;
        } else if (fu <= fv || v == x || v == w) {
          v = u;
          fv = fu;
        }
      } else {
        if (u >= x) {
          a = x;
        } else {
          b = x;
        }
        v = w;
        w = x;
        x = u;
        fv = fw;
        fw = fx;
        fx = fu;
      }
    }
    return x;
  }

  /** scipy.optimize.bracket: {xa, xb, xc, fa, fb, fc} with fb below fa and fc. */
  private static double[] bracket(DoubleUnaryOperator f, double start, double next, String what) {
    double xa = start;
    double xb = next;
    double fa = f.applyAsDouble(xa);
    double fb = f.applyAsDouble(xb);
    if (fa < fb) {
      double swap = xa;
      xa = xb;
      xb = swap;
      swap = fa;
      fa = fb;
      fb = swap;
    }
    double xc = xb + GOLD * (xb - xa);
    double fc = f.applyAsDouble(xc);
    int steps = 0;
    while (fc < fb) {
      double tmp1 = (xb - xa) * (fb - fc);
      double tmp2 = (xb - xc) * (fb - fa);
      double val = tmp2 - tmp1;
      double denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val;
      double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
      double wlim = xb + GROW_LIMIT * (xc - xb);
      if (++steps > MAX_BRACKET_STEPS) {
        throw new ArithmeticException(
            what + ": no minimum found (the function keeps falling " + "beyond " + xc + ")");
      }
      double fw;
      if ((w - xc) * (xb - w) > 0) {
        fw = f.applyAsDouble(w);
        if (fw < fc) {
          return new double[] {xb, w, xc, fb, fw, fc};
        } else if (fw > fb) {
          return new double[] {xa, xb, w, fa, fb, fw};
        }
        w = xc + GOLD * (xc - xb);
        fw = f.applyAsDouble(w);
      } else if ((w - wlim) * (wlim - xc) >= 0) {
        w = wlim;
        fw = f.applyAsDouble(w);
      } else if ((w - wlim) * (xc - w) > 0) {
        fw = f.applyAsDouble(w);
        if (fw < fc) {
          xb = xc;
          xc = w;
          w = xc + GOLD * (xc - xb);
          fb = fc;
          fc = fw;
          fw = f.applyAsDouble(w);
        }
      } else {
        w = xc + GOLD * (xc - xb);
        fw = f.applyAsDouble(w);
      }
      xa = xb;
      xb = xc;
      xc = w;
      fa = fb;
      fb = fc;
      fc = fw;
    }
    return new double[] {xa, xb, xc, fa, fb, fc};
  }
}
