package dev.lamina.losses;

import dev.lamina.Tensor;
import java.util.Map;

/**
 * Cross-entropy against one-hot (or soft) targets, summed over classes. On probabilities the
 * predictions are renormalized to sum to 1 and clipped to [ε, 1 − ε], as Keras does; with {@code
 * fromLogits} the stable log-softmax is used instead.
 */
public final class CategoricalCrossentropy implements Loss {
  private boolean fromLogits;
  private double labelSmoothing;

  public CategoricalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  public CategoricalCrossentropy labelSmoothing(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(
          "categorical_crossentropy: labelSmoothing must be in [0, 1], got " + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
    return this;
  }

  public boolean isFromLogits() {
    return fromLogits;
  }

  @Override
  public String name() {
    return "categorical_crossentropy";
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    Tensor y = Targets.alignedTo(name(), yTrue, yPred);
    if (labelSmoothing > 0) {
      int classes = yPred.shape()[yPred.rank() - 1];
      y = y.mul(1 - labelSmoothing).add(labelSmoothing / classes);
    }
    return crossEntropy(y, yPred, fromLogits);
  }

  /** −Σ y·log p over the last axis, from probabilities or from logits. */
  static Tensor crossEntropy(Tensor y, Tensor yPred, boolean fromLogits) {
    Tensor logP =
        fromLogits
            ? yPred.logSoftmax(-1)
            : yPred
                .div(yPred.sum(-1, true))
                .clip(BinaryCrossentropy.EPSILON, 1 - BinaryCrossentropy.EPSILON)
                .log();
    return y.mul(logP).sum(-1).neg();
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("from_logits", fromLogits, "label_smoothing", labelSmoothing);
  }
}
