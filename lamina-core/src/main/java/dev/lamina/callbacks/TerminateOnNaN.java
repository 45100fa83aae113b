package dev.lamina.callbacks;

import java.util.Map;

/**
 * Stops training at the first batch whose running loss is NaN or infinite, and records where:
 * {@link #terminatedAt()} names the epoch and batch.
 */
public final class TerminateOnNaN implements Callback {
  private static final System.Logger LOG = System.getLogger(TerminateOnNaN.class.getName());
  private TrainingControl control;
  private String terminatedAt;

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
    this.terminatedAt = null;
  }

  @Override
  public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (terminatedAt == null && loss != null && !Double.isFinite(loss)) {
      terminatedAt = "epoch " + (epoch + 1) + ", batch " + batch;
      LOG.log(
          System.Logger.Level.WARNING,
          "Invalid loss {0} at {1}, terminating training",
          loss,
          terminatedAt);
      control.stopTraining();
    }
  }

  /** Where training was stopped ("epoch E, batch B", epochs 1-based), or null if it was not. */
  public String terminatedAt() {
    return terminatedAt;
  }
}
