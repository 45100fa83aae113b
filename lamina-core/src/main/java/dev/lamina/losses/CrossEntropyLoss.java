package dev.lamina.losses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the binary and categorical cross-entropy share: their name, predictions as logits or
 * probabilities, and label smoothing in [0, 1], set fluently.
 *
 * @param <SELF> the concrete loss, so that the options return it
 */
public abstract sealed class CrossEntropyLoss<SELF extends CrossEntropyLoss<SELF>> implements Loss
    permits BinaryCrossentropy, CategoricalCrossentropy {
  private final String name;
  private boolean fromLogits;
  private double labelSmoothing;

  CrossEntropyLoss(String name) {
    this.name = name;
  }

  @SuppressWarnings("unchecked")
  private SELF self() {
    return (SELF) this;
  }

  /** Reads predictions as raw logits instead of probabilities. */
  public SELF fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return self();
  }

  /** Moves the targets towards uniform by this share, as Keras's {@code label_smoothing}. */
  public SELF labelSmoothing(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(
          name + ": labelSmoothing must be in [0, 1], got " + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
    return self();
  }

  public boolean isFromLogits() {
    return fromLogits;
  }

  double smoothing() {
    return labelSmoothing;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Map<String, Object> config() {
    // in Keras's order, the same on every run (Map.of iterates in an order each JVM picks)
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("from_logits", fromLogits);
    config.put("label_smoothing", labelSmoothing);
    return config;
  }
}
