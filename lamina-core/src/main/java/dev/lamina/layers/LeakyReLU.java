package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Map;

/**
 * {@code x} where positive, else {@code negativeSlope · x}. The layer's default slope is 0.3,
 * unlike the {@code leaky_relu} function's 0.2 (Keras 3 keeps both).
 */
public final class LeakyReLU extends BaseLayer<LeakyReLU> {
  private static final double DEFAULT_SLOPE = 0.3;
  private final double negativeSlope;

  public LeakyReLU() {
    this(DEFAULT_SLOPE);
  }

  public LeakyReLU(double negativeSlope) {
    if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
      throw new IllegalArgumentException(
          "LeakyReLU: negativeSlope must be a finite number ≥ 0, got " + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  public double negativeSlope() {
    return negativeSlope;
  }

  @Override
  public String className() {
    return "LeakyReLU";
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return inputs.leakyRelu(negativeSlope);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("negative_slope", negativeSlope);
  }

  static LeakyReLU fromConfig(LayerConfig config) {
    return new LeakyReLU(config.number("negative_slope", DEFAULT_SLOPE))
        .withCommonOptions(config.values());
  }
}
