package dev.lamina.optimizers.schedules;

import java.util.Arrays;

/**
 * {@code values[0]} while step ≤ boundaries[0], {@code values[i+1]} while boundaries[i] < step ≤
 * boundaries[i+1], and the last value after the last boundary.
 */
public record PiecewiseConstantDecay(long[] boundaries, double[] values)
    implements LearningRateSchedule {

  public PiecewiseConstantDecay {
    if (values.length != boundaries.length + 1) {
      throw new IllegalArgumentException(
          "PiecewiseConstantDecay: needs one more value than boundaries, got "
              + boundaries.length
              + " boundaries and "
              + values.length
              + " values");
    }
    for (int i = 1; i < boundaries.length; i++) {
      if (boundaries[i] <= boundaries[i - 1]) {
        throw new IllegalArgumentException(
            "PiecewiseConstantDecay: boundaries must increase, got " + Arrays.toString(boundaries));
      }
    }
    boundaries = boundaries.clone();
    values = values.clone();
  }

  @Override
  public double rate(long step) {
    for (int i = 0; i < boundaries.length; i++) {
      if (step <= boundaries[i]) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
