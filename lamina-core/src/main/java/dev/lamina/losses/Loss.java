package dev.lamina.losses;

import dev.lamina.Tensor;
import java.util.Map;

/**
 * A training objective. {@link #perSample} gives one value per sample (Keras reduces the last axis
 * first); {@link #compute} then takes Keras's default reduction, "sum over batch size": the
 * weighted sum divided by the number of samples, not by the sum of the weights.
 *
 * <p>A custom loss implements {@link #perSample} with Tensor operations; gradients are automatic.
 */
public interface Loss {

  /** The Keras name, e.g. {@code mean_absolute_error}. */
  String name();

  /**
   * The loss of each sample: shape (N,) for targets and predictions of shape (N, K). Targets of
   * shape (N,) are accepted for predictions (N, 1).
   */
  Tensor perSample(Tensor yTrue, Tensor yPred);

  /** The options that, with {@link #name()}, recreate this loss. */
  default Map<String, Object> config() {
    return Map.of();
  }

  /** The scalar loss of a batch, with per-sample weights of shape (N,) or null. */
  default Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Tensor values = perSample(yTrue, yPred);
    int n = values.shape()[0];
    if (sampleWeight != null) {
      values = values.mul(sampleWeight.reshape(n));
    }
    return n == 0 ? Tensor.scalar(values.dtype(), 0) : values.sum().div(n);
  }
}
