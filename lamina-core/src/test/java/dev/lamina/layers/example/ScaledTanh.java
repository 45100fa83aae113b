package dev.lamina.layers.example;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.initializers.Initializers;
import dev.lamina.layers.BaseLayer;
import dev.lamina.layers.Layers;
import dev.lamina.layers.Phase;
import dev.lamina.random.SeededRandom;
import java.util.List;

/**
 * The custom layer of docs/custom-layers.md, outside the library's package: {@code scale · tanh(x)}
 * with one learned scale, written with Tensor operations only. Its gradients come from automatic
 * differentiation.
 */
public final class ScaledTanh extends BaseLayer<ScaledTanh> {
  private Parameter scale;

  /** Makes {@code Layers.fromConfig("ScaledTanh", config)} (and model files) know this layer. */
  public static void register() {
    Layers.register("ScaledTanh", config -> new ScaledTanh().withCommonOptions(config));
  }

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
