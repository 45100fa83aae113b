package dev.lamina.layers.example;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.layers.BaseLayer;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Layers;
import dev.lamina.layers.Phase;
import dev.lamina.random.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * The residual block of docs/custom-layers.md: {@code x + dense(x)}, with an inner Dense layer of
 * as many units as the input has features. A layer that owns another layer builds it and lists its
 * weights.
 */
public final class Residual extends BaseLayer<Residual> {
  private final String activation;
  private Dense inner;

  public Residual(String activation) {
    this.activation = activation;
  }

  /** Makes {@code Layers.fromConfig("Residual", config)} know this layer. */
  public static void register() {
    Layers.register(
        "Residual",
        config -> new Residual((String) config.get("activation")).withCommonOptions(config));
  }

  @Override
  public String className() {
    return "Residual";
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    inner = new Dense(inputShape[inputShape.length - 1], activation).dtype(dtype());
    inner.assignDefaultName("residual_dense");
    inner.build(inputShape, random.split());
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return inputs.add(inner.call(inputs, phase));
  }

  @Override
  public List<Parameter> trainableWeights() {
    return inner == null ? List.of() : inner.trainableWeights();
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("activation", activation);
  }
}
