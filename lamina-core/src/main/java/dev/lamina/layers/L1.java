package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Map;

/** Keras's L1 regularizer: {@code l1 · Σ|w|}, default factor 0.01. */
public record L1(double l1) implements Regularizer {
  static final double DEFAULT_FACTOR = 0.01;

  public L1 {
    Regularizer.validFactor("L1", "l1", l1);
  }

  public L1() {
    this(DEFAULT_FACTOR);
  }

  @Override
  public Tensor penalty(Tensor weight) {
    return weight.abs().sum().mul(l1);
  }

  @Override
  public String className() {
    return "L1";
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("l1", l1);
  }
}
