package dev.lamina.optimizers;

import java.util.List;

/** Keras's three gradient clipping rules, applied in place before the update. */
final class GradientClipping {
  private GradientClipping() {}

  /** Each gradient scaled by c / max(‖g‖₂, c). */
  static void byNorm(List<float[]> grads, double clipNorm) {
    for (float[] g : grads) {
      double norm = Math.sqrt(squaredNorm(g));
      if (norm > clipNorm) {
        scale(g, clipNorm / norm);
      }
    }
  }

  /**
   * Every gradient scaled by c·min(1/G, 1/c), G the norm of all of them; NaN when G is not finite.
   */
  static void byGlobalNorm(List<float[]> grads, double clipNorm) {
    double total = 0;
    for (float[] g : grads) {
      total += squaredNorm(g);
    }
    double globalNorm = Math.sqrt(total);
    double factor =
        Double.isFinite(globalNorm)
            ? clipNorm * Math.min(1 / globalNorm, 1 / clipNorm)
            : Double.NaN;
    if (factor != 1.0) {
      for (float[] g : grads) {
        scale(g, factor);
      }
    }
  }

  /** Every element clipped to [-c, c]. */
  static void byValue(List<float[]> grads, double clipValue) {
    float c = (float) clipValue;
    for (float[] g : grads) {
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.max(-c, Math.min(c, g[i]));
      }
    }
  }

  private static double squaredNorm(float[] g) {
    double sum = 0;
    for (float v : g) {
      sum += (double) v * v;
    }
    return sum;
  }

  private static void scale(float[] g, double factor) {
    float f = (float) factor;
    for (int i = 0; i < g.length; i++) {
      g[i] *= f;
    }
  }
}
