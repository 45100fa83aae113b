package dev.lamina.initializers;

import dev.lamina.random.SeededRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** Uniform samples in [minval, maxval). */
public record RandomUniform(double minval, double maxval) implements Initializer {

  /** Keras's defaults: [-0.05, 0.05). */
  public RandomUniform() {
    this(-0.05, 0.05);
  }

  public RandomUniform {
    if (!(maxval >= minval)) {
      throw new IllegalArgumentException(
          "random_uniform: maxval must be ≥ minval, got [" + minval + ", " + maxval + ")");
    }
  }

  @Override
  public float[] sample(int[] shape, SeededRandom random) {
    float[] values = new float[Shapes.size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (minval + (maxval - minval) * random.nextDouble());
    }
    return values;
  }

  @Override
  public String name() {
    return "random_uniform";
  }

  @Override
  public Map<String, Object> config() {
    // in Keras's order, the same on every run (Map.of iterates in an order each JVM picks)
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("minval", minval);
    config.put("maxval", maxval);
    return config;
  }
}
