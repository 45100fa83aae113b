package dev.lamina.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of initializers by Keras name. */
public final class Initializers {
  private static final Map<String, Supplier<Initializer>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put(
        "glorot_uniform", () -> new VarianceScaling("glorot_uniform", 1, "fan_avg", "uniform"));
    BY_NAME.put(
        "glorot_normal",
        () -> new VarianceScaling("glorot_normal", 1, "fan_avg", "truncated_normal"));
    BY_NAME.put("he_uniform", () -> new VarianceScaling("he_uniform", 2, "fan_in", "uniform"));
    BY_NAME.put(
        "he_normal", () -> new VarianceScaling("he_normal", 2, "fan_in", "truncated_normal"));
    BY_NAME.put(
        "lecun_uniform", () -> new VarianceScaling("lecun_uniform", 1, "fan_in", "uniform"));
    BY_NAME.put(
        "lecun_normal", () -> new VarianceScaling("lecun_normal", 1, "fan_in", "truncated_normal"));
    BY_NAME.put("zeros", () -> new Constant("zeros", 0));
    BY_NAME.put("ones", () -> new Constant("ones", 1));
    BY_NAME.put("constant", () -> new Constant(0));
    BY_NAME.put("random_uniform", RandomUniform::new);
    BY_NAME.put("random_normal", RandomNormal::new);
    BY_NAME.put("truncated_normal", TruncatedNormal::new);
  }

  private Initializers() {}

  /** The initializer registered under {@code name}, with Keras's default options. */
  public static Initializer get(String name) {
    Supplier<Initializer> factory = BY_NAME.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown initializer '"
              + name
              + "'; valid names: "
              + String.join(", ", BY_NAME.keySet()));
    }
    return factory.get();
  }

  /** Recreates an initializer from its name and {@link Initializer#config()}. */
  public static Initializer fromConfig(String name, Map<String, Object> config) {
    Initializer defaults = get(name);
    return switch (name) {
      case "constant" -> new Constant(number(config, "value", 0));
      case "random_uniform" ->
          new RandomUniform(number(config, "minval", -0.05), number(config, "maxval", 0.05));
      case "random_normal" ->
          new RandomNormal(number(config, "mean", 0), number(config, "stddev", 0.05));
      case "truncated_normal" ->
          new TruncatedNormal(number(config, "mean", 0), number(config, "stddev", 0.05));
      default -> defaults;
    };
  }

  private static double number(Map<String, Object> config, String key, double fallback) {
    Object value = config.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException(
          "initializer option '" + key + "' must be a number, got " + value);
    }
    return number.doubleValue();
  }
}
