package dev.lamina.initializers;

import dev.lamina.random.SeededRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** Normal samples redrawn until they fall within two standard deviations of the mean. */
public record TruncatedNormal(double mean, double stddev) implements Initializer {

  /** Keras's defaults: mean 0, stddev 0.05. */
  public TruncatedNormal() {
    this(0.0, 0.05);
  }

  public TruncatedNormal {
    if (!(stddev >= 0)) {
      throw new IllegalArgumentException("truncated_normal: stddev must be ≥ 0, got " + stddev);
    }
  }

  @Override
  public float[] sample(int[] shape, SeededRandom random) {
    float[] values = new float[Shapes.size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (mean + stddev * standardSample(random));
    }
    return values;
  }

  /** A unit normal sample within [-2, 2]. */
  static double standardSample(SeededRandom random) {
    while (true) {
      double z = random.nextGaussian();
      if (Math.abs(z) <= 2.0) {
        return z;
      }
    }
  }

  @Override
  public String name() {
    return "truncated_normal";
  }

  @Override
  public Map<String, Object> config() {
    // in Keras's order, the same on every run (Map.of iterates in an order each JVM picks)
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("mean", mean);
    config.put("stddev", stddev);
    return config;
  }
}
