package dev.lamina.initializers;

import dev.lamina.random.SeededRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's VarianceScaling: samples with variance {@code scale / fan}, where fan is fan_in, fan_out
 * or their mean. Glorot, He and LeCun initializers are instances of it.
 *
 * @param name the registered name this instance answers to (e.g. {@code glorot_uniform})
 * @param scale the variance numerator
 * @param mode {@code fan_in}, {@code fan_out} or {@code fan_avg}
 * @param distribution {@code uniform}, {@code truncated_normal} or {@code untruncated_normal}
 */
public record VarianceScaling(String name, double scale, String mode, String distribution)
    implements Initializer {

  /** Keras's divisor turning a 2σ-truncated unit normal's deviation back into 1. */
  @SuppressWarnings("FloatingPointLiteralPrecision") // Keras's literal, digit for digit
  private static final double TRUNCATED_STDDEV_CORRECTION = 0.87962566103423978;

  public VarianceScaling {
    if (!(scale > 0)) {
      throw new IllegalArgumentException(name + ": scale must be positive, got " + scale);
    }
    if (!mode.equals("fan_in") && !mode.equals("fan_out") && !mode.equals("fan_avg")) {
      throw new IllegalArgumentException(
          name + ": mode must be one of fan_in, fan_out, fan_avg; got '" + mode + "'");
    }
    if (!distribution.equals("uniform")
        && !distribution.equals("truncated_normal")
        && !distribution.equals("untruncated_normal")) {
      throw new IllegalArgumentException(
          name
              + ": distribution must be one of uniform, truncated_normal, untruncated_normal; got '"
              + distribution
              + "'");
    }
  }

  @Override
  public float[] sample(int[] shape, SeededRandom random) {
    double variance = scale / Math.max(1.0, fan(shape));
    float[] values = new float[Shapes.size(shape)];
    switch (distribution) {
      case "uniform" -> {
        double limit = Math.sqrt(3.0 * variance);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) ((2.0 * random.nextDouble() - 1.0) * limit);
        }
      }
      case "truncated_normal" -> {
        double stddev = Math.sqrt(variance) / TRUNCATED_STDDEV_CORRECTION;
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (TruncatedNormal.standardSample(random) * stddev);
        }
      }
      default -> {
        double stddev = Math.sqrt(variance);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (random.nextGaussian() * stddev);
        }
      }
    }
    return values;
  }

  private double fan(int[] shape) {
    double[] fans = fans(shape);
    return switch (mode) {
      case "fan_in" -> fans[0];
      case "fan_out" -> fans[1];
      default -> (fans[0] + fans[1]) / 2.0;
    };
  }

  /** Keras's compute_fans: {fan_in, fan_out}. */
  static double[] fans(int[] shape) {
    return switch (shape.length) {
      case 0 -> new double[] {1, 1};
      case 1 -> new double[] {shape[0], shape[0]};
      case 2 -> new double[] {shape[0], shape[1]};
      default -> {
        double receptiveField = 1;
        for (int i = 0; i < shape.length - 2; i++) {
          receptiveField *= shape[i];
        }
        yield new double[] {
          shape[shape.length - 2] * receptiveField, shape[shape.length - 1] * receptiveField
        };
      }
    };
  }

  @Override
  public Map<String, Object> config() {
    // in Keras's order, the same on every run (Map.of iterates in an order each JVM picks)
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("scale", scale);
    config.put("mode", mode);
    config.put("distribution", distribution);
    return config;
  }
}
