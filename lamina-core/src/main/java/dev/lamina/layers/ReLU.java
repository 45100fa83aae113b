package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Map;

/**
 * Keras's ReLU layer: {@code x} where {@code x ≥ 0}, else {@code negativeSlope · x}, capped at
 * {@code maxValue} when one is set. Keras's {@code threshold} option is supported at its default 0
 * only.
 */
public final class ReLU extends BaseLayer<ReLU> {
  private Double maxValue;
  private double negativeSlope;

  /** Caps the output at {@code maxValue} (≥ 0), e.g. 6 for ReLU6. */
  public ReLU maxValue(double maxValue) {
    if (!(maxValue >= 0) || Double.isInfinite(maxValue)) {
      throw new IllegalArgumentException(
          "ReLU: maxValue must be a finite number ≥ 0, got " + maxValue);
    }
    this.maxValue = maxValue;
    return this;
  }

  /** The slope below zero (default 0). */
  public ReLU negativeSlope(double negativeSlope) {
    if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
      throw new IllegalArgumentException(
          "ReLU: negativeSlope must be a finite number ≥ 0, got " + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
    return this;
  }

  @Override
  public String className() {
    return "ReLU";
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    Tensor out = negativeSlope == 0 ? inputs.relu() : inputs.leakyRelu(negativeSlope);
    return maxValue == null ? out : out.minimum(maxValue);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("max_value", maxValue);
    config.put("negative_slope", negativeSlope);
    config.put("threshold", 0.0);
  }

  static ReLU fromConfig(LayerConfig config) {
    if (config.number("threshold", 0) != 0) {
      throw new IllegalArgumentException(
          "ReLU config: only threshold 0 is supported, got " + config.values().get("threshold"));
    }
    ReLU relu = new ReLU().negativeSlope(config.number("negative_slope", 0));
    if (config.values().get("max_value") != null) {
      relu.maxValue(config.number("max_value", 0));
    }
    return relu.withCommonOptions(config.values());
  }
}
