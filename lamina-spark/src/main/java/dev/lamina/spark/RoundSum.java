package dev.lamina.spark;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * The partitions' results of one round, summed as they meet: the flat values (gradient sums, or
 * weights and slots to average), the loss summed over rows, and the predictions with their targets
 * for the training metrics. The empty sum has no values, so the zero costs nothing to send.
 */
final class RoundSum implements Serializable {
  private static final long serialVersionUID = 1L;
  float[] values;
  double lossSum;
  long rows;
  long steps;
  int contributors;
  // ArrayList, not List: Spark serializes the sums between executors and the driver
  final ArrayList<float[]> predictions = new ArrayList<>();
  final ArrayList<float[]> targets = new ArrayList<>();

  static RoundSum empty() {
    return new RoundSum();
  }

  /** Adds {@code other} into this sum and returns this. */
  RoundSum add(RoundSum other) {
    if (other.values != null) {
      if (values == null) {
        values = other.values.clone();
      } else {
        for (int i = 0; i < values.length; i++) {
          values[i] += other.values[i];
        }
      }
    }
    lossSum += other.lossSum;
    rows += other.rows;
    steps = Math.max(steps, other.steps);
    contributors += other.contributors;
    predictions.addAll(other.predictions);
    targets.addAll(other.targets);
    return this;
  }
}
