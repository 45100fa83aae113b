package dev.lamina.initializers;

import dev.lamina.random.SeededRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** Normal samples with the given mean and standard deviation. */
public record RandomNormal(double mean, double stddev) implements Initializer {

  /** Keras's defaults: mean 0, stddev 0.05. */
  public RandomNormal() {
    this(0.0, 0.05);
  }

  public RandomNormal {
    if (!(stddev >= 0)) {
      throw new IllegalArgumentException("random_normal: stddev must be ≥ 0, got " + stddev);
    }
  }

  @Override
  public float[] sample(int[] shape, SeededRandom random) {
    float[] values = new float[Shapes.size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (mean + stddev * random.nextGaussian());
    }
    return values;
  }

  @Override
  public String name() {
    return "random_normal";
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
