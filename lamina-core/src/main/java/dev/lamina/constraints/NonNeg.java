package dev.lamina.constraints;

import java.util.Map;

/** Keras's NonNeg: every negative weight set to 0 ({@code max(w, 0)}). */
public record NonNeg() implements Constraint {

  @Override
  public void project(float[] values, int[] shape) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        values[i] = 0;
      }
    }
  }

  @Override
  public String className() {
    return "NonNeg";
  }

  @Override
  public Map<String, Object> config() {
    return Map.of();
  }
}
