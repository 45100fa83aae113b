package dev.lamina.optimizers;

/** Keras's three gradient clipping rules, applied in place before the update. */
final class GradientClipping {
  private GradientClipping() {}

  /** Each gradient scaled by c / max(‖g‖₂, c). */
  static void byNorm(GradientSet grads, double clipNorm) {
    for (int i = 0; i < grads.size(); i++) {
      double norm = Math.sqrt(grads.squaredNorm(i));
      if (norm > clipNorm) {
        grads.scale(i, clipNorm / norm);
      }
    }
  }

  /**
   * Every gradient scaled by c·min(1/G, 1/c), G the norm of all of them; NaN when G is not finite.
   */
  static void byGlobalNorm(GradientSet grads, double clipNorm) {
    double total = 0;
    for (int i = 0; i < grads.size(); i++) {
      total += grads.squaredNorm(i);
    }
    double globalNorm = Math.sqrt(total);
    double factor =
        Double.isFinite(globalNorm)
            ? clipNorm * Math.min(1 / globalNorm, 1 / clipNorm)
            : Double.NaN;
    if (factor != 1.0) {
      for (int i = 0; i < grads.size(); i++) {
        grads.scale(i, factor);
      }
    }
  }

  /** Every element clipped to [-c, c]. */
  static void byValue(GradientSet grads, double clipValue) {
    for (int i = 0; i < grads.size(); i++) {
      grads.clamp(i, clipValue);
    }
  }
}
