package dev.lamina.losses;

import java.util.Map;

/**
 * The two options the cross-entropy losses share: predictions as logits or probabilities, and
 * label smoothing in [0, 1].
 */
final class CrossEntropyOptions {
  private final String loss;
  private boolean fromLogits;
  private double labelSmoothing;

  CrossEntropyOptions(String loss) {
    this.loss = loss;
  }

  void fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
  }

  boolean fromLogits() {
    return fromLogits;
  }

  void labelSmoothing(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(
          loss + ": labelSmoothing must be in [0, 1], got " + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
  }

  double labelSmoothing() {
    return labelSmoothing;
  }

  Map<String, Object> config() {
    return Map.of("from_logits", fromLogits, "label_smoothing", labelSmoothing);
  }
}
