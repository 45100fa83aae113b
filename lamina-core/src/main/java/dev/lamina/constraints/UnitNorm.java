package dev.lamina.constraints;

import java.util.List;
import java.util.Map;

/** Keras's UnitNorm: every slice over {@code axis} (default 0) divided by {@code 1e-7 + ‖w‖}. */
public record UnitNorm(List<Integer> axis) implements NormConstraint {

  public UnitNorm {
    axis = NormScaling.validAxes("UnitNorm", axis);
  }

  public UnitNorm() {
    this(List.of(0));
  }

  @Override
  public void project(float[] values, int[] shape) {
    NormScaling.rescale(values, shape, axis, norm -> 1);
  }

  @Override
  public String className() {
    return "UnitNorm";
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("axis", NormScaling.axisConfig(axis));
  }
}
