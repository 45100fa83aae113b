package dev.lamina.losses;

import java.util.Locale;
import java.util.Map;

/** Losses by Keras name (short and long forms). */
public final class Losses {
  private Losses() {}

  public static Loss get(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "mae", "mean_absolute_error" -> new MeanAbsoluteError();
      case "mse", "mean_squared_error" -> new MeanSquaredError();
      case "huber", "huber_loss" -> new Huber();
      case "binary_crossentropy", "bce" -> new BinaryCrossentropy();
      case "categorical_crossentropy", "cce" -> new CategoricalCrossentropy();
      case "sparse_categorical_crossentropy", "scce" -> new SparseCategoricalCrossentropy();
      default ->
          throw new IllegalArgumentException(
              "unknown loss '"
                  + name
                  + "'; valid names: mae, mean_absolute_error, mse, "
                  + "mean_squared_error, huber, binary_crossentropy, categorical_crossentropy, "
                  + "sparse_categorical_crossentropy");
    };
  }

  /** Recreates a loss from its name and {@link Loss#config()}. */
  public static Loss fromConfig(String name, Map<String, Object> config) {
    Loss loss = get(name);
    if (loss instanceof Huber && config.get("delta") instanceof Number delta) {
      return new Huber(delta.doubleValue());
    }
    boolean logits = Boolean.TRUE.equals(config.get("from_logits"));
    double smoothing = config.get("label_smoothing") instanceof Number n ? n.doubleValue() : 0.0;
    if (loss instanceof BinaryCrossentropy bce) {
      return bce.fromLogits(logits).labelSmoothing(smoothing);
    }
    if (loss instanceof CategoricalCrossentropy cce) {
      return cce.fromLogits(logits).labelSmoothing(smoothing);
    }
    if (loss instanceof SparseCategoricalCrossentropy scce) {
      return scce.fromLogits(logits);
    }
    return loss;
  }
}
