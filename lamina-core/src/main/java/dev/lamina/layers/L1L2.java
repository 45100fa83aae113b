package dev.lamina.layers;

import dev.lamina.Tensor;
import java.util.Map;

/** Keras's L1L2 regularizer: {@code l1 · Σ|w| + l2 · Σw²}; both factors default to 0. */
public record L1L2(double l1, double l2) implements Regularizer {

  public L1L2 {
    Regularizer.validFactor("L1L2", "l1", l1);
    Regularizer.validFactor("L1L2", "l2", l2);
  }

  @Override
  public Tensor penalty(Tensor weight) {
    return new L1(l1).penalty(weight).add(new L2(l2).penalty(weight));
  }

  @Override
  public String className() {
    return "L1L2";
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("l1", l1, "l2", l2);
  }
}
