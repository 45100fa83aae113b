package dev.lamina.layers;

import dev.lamina.Parameter;
import dev.lamina.fused.FusedActivation;
import dev.lamina.initializers.SeededRandom;

/**
 * What the fused training path needs to know of a built-in layer: its weights and options. A layer
 * without a description (a custom layer, an activation or regularizer only autograd runs) keeps
 * the whole model on the autograd path.
 */
public sealed interface FusedSpec {

  /** Dense with a fused activation; bias may be null. */
  record DenseSpec(Parameter kernel, Parameter bias, FusedActivation activation)
      implements FusedSpec {}

  /** BatchNormalization in training mode; gamma or beta may be null (scale or center off). */
  record BatchNormSpec(
      Parameter gamma,
      Parameter beta,
      Parameter movingMean,
      Parameter movingVariance,
      double momentum,
      double epsilon)
      implements FusedSpec {}

  /** Dropout drawing its masks from the layer's own stream. */
  record DropoutSpec(double rate, SeededRandom masks) implements FusedSpec {}

  /** An Activation layer. */
  record ActivationSpec(FusedActivation activation) implements FusedSpec {}

  /** The description of a built layer, or null when only autograd can train it. */
  static FusedSpec of(Layer layer) {
    if (!layer.isBuilt()) {
      return null;
    }
    if (layer instanceof Dense dense) {
      return dense.fusedSpec();
    }
    if (layer instanceof BatchNormalization norm) {
      return norm.fusedSpec();
    }
    if (layer instanceof Dropout dropout) {
      return dropout.fusedSpec();
    }
    if (layer instanceof Activation activation) {
      FusedActivation fused = FusedActivation.named(activation.activationName());
      return fused == null ? null : new ActivationSpec(fused);
    }
    return null;
  }
}
