package dev.lamina.losses;

import dev.lamina.Tensor;

/**
 * Binary cross-entropy, averaged over the last axis. On probabilities, predictions are clipped to
 * [ε, 1 − ε] with ε = 1e-7 as Keras clips them, so a prediction of exactly 0 or 1 gives a large
 * finite loss. With {@code fromLogits}, the stable form {@code softplus(z) − y·z} works on raw
 * outputs: the fused, overflow-free path for a linear last layer.
 */
public final class BinaryCrossentropy extends CrossEntropyLoss<BinaryCrossentropy> {
  static final double EPSILON = 1e-7;

  public BinaryCrossentropy() {
    super("binary_crossentropy");
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    Tensor y = Targets.alignedTo(name(), yTrue, yPred);
    Targets.requireProbabilities(name(), y);
    if (smoothing() > 0) {
      y = y.mul(1 - smoothing()).add(0.5 * smoothing());
    }
    if (isFromLogits()) {
      return yPred.softplus().sub(y.mul(yPred)).mean(-1);
    }
    Tensor p = yPred.clip(EPSILON, 1 - EPSILON);
    Tensor positive = y.mul(p.log());
    Tensor negative = y.neg().add(1).mul(p.neg().add(1).log());
    return positive.add(negative).neg().mean(-1);
  }
}
