package dev.lamina.bench.workloads;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.initializers.Initializers;
import dev.lamina.layers.BaseLayer;
import dev.lamina.layers.Phase;
import dev.lamina.random.SeededRandom;
import java.util.List;

/**
 * The custom layer of docs/custom-layers.md as a user writes it in their own code, {@code scale ·
 * tanh(x)} with one learned scale from Tensor operations only: the W1-scaledtanh variant measures
 * what such a layer costs in training.
 */
final class ScaledTanh extends BaseLayer<ScaledTanh> {
  private Parameter scale;

  @Override
  public String className() {
    return "ScaledTanh";
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    scale = newWeight("scale", new int[] {1}, Initializers.get("ones"), random);
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return inputs.tanh().mul(scale.value());
  }

  @Override
  public List<Parameter> trainableWeights() {
    return scale == null ? List.of() : List.of(scale);
  }
}
