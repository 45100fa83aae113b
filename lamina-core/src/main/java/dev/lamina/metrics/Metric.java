package dev.lamina.metrics;

/**
 * A value accumulated over the batches of an epoch (or of an evaluation) and reset between them, as
 * Keras's stateful metrics are.
 *
 * <p>Batches arrive as row-major arrays: {@code rows} samples, {@code trueCols} target values and
 * {@code predCols} predictions per sample. {@code sampleWeight} holds one weight per sample, or is
 * {@code null} for weight 1.
 */
public interface Metric {

  /** The key in logs and History, e.g. {@code accuracy} (validation adds {@code val_}). */
  String name();

  /** Whether a larger value is better (accuracy) or worse (errors); callbacks' mode "auto". */
  boolean higherIsBetter();

  void update(
      float[] yTrue, int trueCols, float[] yPred, int predCols, float[] sampleWeight, int rows);

  /** The value over everything seen since the last {@link #reset()}. */
  double result();

  void reset();
}
