package dev.lamina.constraints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's MaxNorm: every slice over {@code axis} (default 0: a Dense kernel's incoming weights of
 * each unit) rescaled to a norm of at most {@code maxValue} (default 2), as {@code w · min(‖w‖,
 * maxValue) / (1e-7 + ‖w‖)}.
 */
public record MaxNorm(double maxValue, List<Integer> axis) implements NormConstraint {

  public MaxNorm {
    if (!(maxValue >= 0) || Double.isInfinite(maxValue)) {
      throw new IllegalArgumentException(
          "MaxNorm: option 'max_value' must be a finite number ≥ 0, got " + maxValue);
    }
    axis = NormScaling.validAxes("MaxNorm", axis);
  }

  public MaxNorm(double maxValue) {
    this(maxValue, List.of(0));
  }

  @Override
  public void project(float[] values, int[] shape) {
    NormScaling.rescale(values, shape, axis, norm -> Math.min(norm, maxValue));
  }

  @Override
  public String className() {
    return "MaxNorm";
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> config =
        new LinkedHashMap<>(); // Keras's order, so files repeat bit for bit
    config.put("max_value", maxValue);
    config.put("axis", NormScaling.axisConfig(axis));
    return config;
  }
}
