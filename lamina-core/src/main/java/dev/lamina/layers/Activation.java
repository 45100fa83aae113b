package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Applies a named activation function (see {@link ActivationFunctions#names()}); no weights. */
public final class Activation extends BaseLayer<Activation> {
  private final String activationName;
  private final UnaryOperator<Tensor> function;

  public Activation(String name) {
    this.function = ActivationFunctions.get(name);
    this.activationName = name == null ? "linear" : name;
  }

  public String activationName() {
    return activationName;
  }

  @Override
  public String className() {
    return "Activation";
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return function.apply(inputs);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("activation", activationName);
  }

  static Activation fromConfig(LayerConfig config) {
    return new Activation(config.string("activation", "linear")).withCommonOptions(config.values());
  }
}
