package dev.lamina.optimizers;

/** Optimizers by Keras name, matched case-insensitively, with Keras's defaults. */
public final class Optimizers {
  private Optimizers() {}

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
