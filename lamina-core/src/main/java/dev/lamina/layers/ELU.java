package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Map;

/**
 * Keras's ELU layer: {@code x} where positive, else {@code alpha · (eˣ − 1)}; alpha 1 by default.
 */
public final class ELU extends BaseLayer<ELU> {
  private final double alpha;

  public ELU() {
    this(1.0);
  }

  public ELU(double alpha) {
    if (Double.isNaN(alpha) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("ELU: alpha must be a finite number, got " + alpha);
    }
    this.alpha = alpha;
  }

  public double alpha() {
    return alpha;
  }

  @Override
  public String className() {
    return "ELU";
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    return inputs.elu(alpha);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("alpha", alpha);
  }

  static ELU fromConfig(LayerConfig config) {
    return new ELU(config.number("alpha", 1.0)).withCommonOptions(config.values());
  }
}
