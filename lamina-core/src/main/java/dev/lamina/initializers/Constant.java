package dev.lamina.initializers;

import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * Every value equal to {@code value}. Registered as {@code constant}, and as {@code zeros} and
 * {@code ones} for 0 and 1.
 */
public record Constant(String name, double value) implements Initializer {

  public Constant(double value) {
    this("constant", value);
  }

  @Override
  public float[] sample(int[] shape, SeededRandom random) {
    float[] values = new float[Shapes.size(shape)];
    Arrays.fill(values, (float) value);
    return values;
  }

  @Override
  public Map<String, Object> config() {
    return name.equals("constant") ? Map.of("value", value) : Map.of();
  }
}
