package dev.lamina.callbacks;

import java.util.Locale;

/**
 * Keras's improvement rule for a monitored value: strict inequality against the best so far,
 * shifted by |minDelta|; mode "auto" takes the direction from the metric's name.
 */
final class Monitor {
  private final String key;
  private final String mode;
  private final double minDelta;
  private Boolean higherIsBetter;

  Monitor(String key, String mode, double minDelta) {
    if (!mode.equals("auto") && !mode.equals("min") && !mode.equals("max")) {
      throw new IllegalArgumentException("mode must be one of auto, min, max; got '" + mode + "'");
    }
    this.key = key;
    this.mode = mode;
    this.minDelta = Math.abs(minDelta);
  }

  String key() {
    return key;
  }

  /** Resolves "auto" on first use: a loss goes down, other metrics as the model declares. */
  void resolve(TrainingControl control) {
    if (higherIsBetter != null) {
      return;
    }
    higherIsBetter =
        switch (mode) {
          case "max" -> true;
          case "min" -> false;
          default -> {
            String bare = key.startsWith("val_") ? key.substring(4) : key;
            yield !bare.toLowerCase(Locale.ROOT).equals("loss") && control.higherIsBetter(bare);
          }
        };
  }

  boolean isImprovement(double current, Double reference) {
    if (reference == null) {
      return true;
    }
    return higherIsBetter ? current > reference + minDelta : current < reference - minDelta;
  }
}
