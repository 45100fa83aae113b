package dev.lamina.constraints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's MinMaxNorm: every slice over {@code axis} (default 0) moved towards a norm between {@code
 * minValue} (default 0) and {@code maxValue} (default 1), as {@code w · (rate · clip(‖w‖, min, max)
 * + (1 − rate) · ‖w‖) / (1e-7 + ‖w‖)}; {@code rate} 1 (the default) enforces the bounds at once.
 */
public record MinMaxNorm(double minValue, double maxValue, double rate, List<Integer> axis)
    implements NormConstraint {

  public MinMaxNorm {
    if (!(minValue >= 0) || !(maxValue >= minValue) || Double.isInfinite(maxValue)) {
      throw new IllegalArgumentException(
          "MinMaxNorm: options 'min_value' and 'max_value' must be finite with 0 ≤ min_value ≤"
              + " max_value, got min_value "
              + minValue
              + " and max_value "
              + maxValue);
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "MinMaxNorm: option 'rate' must be between 0 and 1, got " + rate);
    }
    axis = NormScaling.validAxes("MinMaxNorm", axis);
  }

  public MinMaxNorm(double minValue, double maxValue) {
    this(minValue, maxValue, 1, List.of(0));
  }

  @Override
  public void project(float[] values, int[] shape) {
    NormScaling.rescale(
        values,
        shape,
        axis,
        norm -> rate * Math.min(Math.max(norm, minValue), maxValue) + (1 - rate) * norm);
  }

  @Override
  public String className() {
    return "MinMaxNorm";
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> config =
        new LinkedHashMap<>(); // Keras's order, so files repeat bit for bit
    config.put("min_value", minValue);
    config.put("max_value", maxValue);
    config.put("rate", rate);
    config.put("axis", NormScaling.axisConfig(axis));
    return config;
  }
}
