package dev.lamina.losses;

import dev.lamina.DType;
import dev.lamina.Tensor;

/**
 * Cross-entropy against one-hot (or soft) targets, summed over classes. On probabilities the
 * predictions are renormalized to sum to 1 and clipped to [ε, 1 − ε], as Keras does; with {@code
 * fromLogits} the stable log-softmax is used instead.
 */
public final class CategoricalCrossentropy extends CrossEntropyLoss<CategoricalCrossentropy> {
  public CategoricalCrossentropy() {
    super("categorical_crossentropy");
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    Tensor y = Targets.alignedTo(name(), yTrue, yPred);
    if (smoothing() > 0) {
      int classes = yPred.shape()[yPred.rank() - 1];
      y = y.mul(1 - smoothing()).add(smoothing() / classes);
    }
    return crossEntropy(y, yPred, isFromLogits());
  }

  /**
   * −Σ y·log p over the last axis, from probabilities or from logits. A log-softmax beyond the
   * dtype's range (logits more than 1.7e38 apart in float32) is −∞; it is held at the lowest finite
   * value, so that a class with target 0 adds 0 (not 0·−∞ = NaN) and one with a target above 0
   * gives the largest finite loss.
   */
  static Tensor crossEntropy(Tensor y, Tensor yPred, boolean fromLogits) {
    Tensor logP =
        fromLogits
            ? yPred.logSoftmax(-1).clip(lowestFinite(yPred.dtype()), 0)
            : yPred
                .div(yPred.sum(-1, true))
                .clip(BinaryCrossentropy.EPSILON, 1 - BinaryCrossentropy.EPSILON)
                .log();
    return y.mul(logP).sum(-1).neg();
  }

  private static double lowestFinite(DType dtype) {
    return dtype == DType.FLOAT32 ? -Float.MAX_VALUE : -Double.MAX_VALUE;
  }
}
