package dev.lamina.optimizers;

import java.util.Map;

/** Optimizers by Keras name, matched case-insensitively, with Keras's defaults. */
public final class Optimizers {
  private Optimizers() {}

  /** Recreates an optimizer from its name and {@link Optimizer#config()}. */
  public static Optimizer fromConfig(String name, Map<String, Object> config) {
    Optimizer optimizer = get(name);
    if (config.get("learning_rate") instanceof Number lr) {
      optimizer.setLearningRate(lr.doubleValue());
    }
    if (optimizer instanceof SGD sgd) {
      sgd.momentum(number(config, "momentum", 0)).nesterov(flag(config, "nesterov"));
    } else if (optimizer instanceof Adam adam) {
      adam.beta1(number(config, "beta_1", 0.9))
          .beta2(number(config, "beta_2", 0.999))
          .epsilon(number(config, "epsilon", 1e-7))
          .amsgrad(flag(config, "amsgrad"));
    } else if (optimizer instanceof RMSprop rms) {
      rms.rho(number(config, "rho", 0.9))
          .momentum(number(config, "momentum", 0))
          .epsilon(number(config, "epsilon", 1e-7))
          .centered(flag(config, "centered"));
    } else if (optimizer instanceof Adagrad adagrad) {
      adagrad
          .initialAccumulatorValue(number(config, "initial_accumulator_value", 0.1))
          .epsilon(number(config, "epsilon", 1e-7));
    }
    if (optimizer instanceof GradientOptimizer<?> g) {
      if (config.get("clipnorm") instanceof Number c) {
        g.clipNorm(c.doubleValue());
      }
      if (config.get("clipvalue") instanceof Number c) {
        g.clipValue(c.doubleValue());
      }
      if (config.get("global_clipnorm") instanceof Number c) {
        g.globalClipNorm(c.doubleValue());
      }
      if (config.get("weight_decay") instanceof Number c) {
        g.weightDecay(c.doubleValue());
      }
    }
    return optimizer;
  }

  private static double number(Map<String, Object> config, String key, double fallback) {
    return config.get(key) instanceof Number n ? n.doubleValue() : fallback;
  }

  private static boolean flag(Map<String, Object> config, String key) {
    return Boolean.TRUE.equals(config.get(key));
  }

  public static Optimizer get(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "sgd" -> new SGD();
      case "adam" -> new Adam();
      case "adamw" -> new AdamW();
      case "rmsprop" -> new RMSprop();
      case "adagrad" -> new Adagrad();
      default ->
          throw new IllegalArgumentException(
              "unknown optimizer '" + name + "'; valid names: sgd, adam, adamw, rmsprop, adagrad");
    };
  }
}
