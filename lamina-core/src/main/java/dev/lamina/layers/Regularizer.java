package dev.lamina.layers;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import java.util.Map;

/**
 * A penalty on a weight that the model adds to its loss. Composed from {@link Tensor} operations,
 * so its gradient is automatic. Keras's L1, L2 and L1L2 implement it.
 */
public interface Regularizer {

  /** The scalar penalty for {@code weight}. */
  Tensor penalty(Tensor weight);

  /** The Keras class name stored in configs: {@code L1}, {@code L2} or {@code L1L2}. */
  String className();

  /** The options that recreate this regularizer. */
  Map<String, Object> config();

  /** Recreates a built-in regularizer from its class name and config. */
  static Regularizer fromConfig(String className, Map<String, Object> config) {
    LayerConfig options = new LayerConfig(className, config);
    return switch (className) {
      case "L1" -> new L1(options.number("l1", L1.DEFAULT_FACTOR));
      case "L2" -> new L2(options.number("l2", L2.DEFAULT_FACTOR));
      case "L1L2" -> new L1L2(options.number("l1", 0), options.number("l2", 0));
      default ->
          throw new IllegalArgumentException(
              "unknown regularizer '" + className + "'; valid names: L1, L2, L1L2");
    };
  }

  /**
   * The summed penalties of a kernel and a bias, each counted only where it exists and has a
   * regularizer; null when neither does.
   */
  static Tensor penalties(
      Regularizer kernelRegularizer,
      Parameter kernel,
      Regularizer biasRegularizer,
      Parameter bias) {
    Tensor kernelPenalty =
        kernelRegularizer == null || kernel == null
            ? null
            : kernelRegularizer.penalty(kernel.value());
    Tensor biasPenalty =
        biasRegularizer == null || bias == null ? null : biasRegularizer.penalty(bias.value());
    if (kernelPenalty == null || biasPenalty == null) {
      return kernelPenalty != null ? kernelPenalty : biasPenalty;
    }
    return kernelPenalty.add(biasPenalty);
  }

  /** Rejects a negative or non-finite factor, naming the regularizer and the option. */
  static double validFactor(String className, String option, double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          className + ": " + option + " must be a finite number ≥ 0, got " + factor);
    }
    return factor;
  }
}
