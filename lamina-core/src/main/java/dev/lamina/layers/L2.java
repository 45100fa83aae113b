package dev.lamina.layers;

import dev.lamina.NeuralOps;
import dev.lamina.Tensor;
import java.util.Map;

/** Keras's L2 regularizer: {@code l2 · Σw²} (no factor ½), default factor 0.01. */
public record L2(double l2) implements Regularizer {
  static final double DEFAULT_FACTOR = 0.01;

  public L2 {
    Regularizer.validFactor("L2", "l2", l2);
  }

  public L2() {
    this(DEFAULT_FACTOR);
  }

  @Override
  public Tensor penalty(Tensor weight) {
    return NeuralOps.squaredNorm(weight, l2);
  }

  @Override
  public String className() {
    return "L2";
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("l2", l2);
  }
}
