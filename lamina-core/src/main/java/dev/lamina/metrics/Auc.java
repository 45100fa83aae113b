package dev.lamina.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve, as Keras's {@code AUC()} computes it: true- and false-positive rates at
 * {@code numThresholds} thresholds (0 − 1e-7, then evenly spaced, then 1 + 1e-7; a prediction is
 * positive when strictly above), joined by trapezoids. An undefined rate counts as 0, so a stream
 * holding only one class gives 0, as in Keras.
 *
 * <p>{@link #exact()} instead keeps every prediction and integrates the exact ROC curve (ties share
 * their rank, as the Mann–Whitney statistic does); it agrees with scikit-learn's roc_auc_score
 * wherever both classes are present.
 */
public final class Auc implements Metric {
  private static final double EPSILON = 1e-7;
  private final double[] thresholds;
  private final double[] positivesAbove;
  private final double[] negativesAbove;
  private final ExactRoc exact;

  private Auc(int numThresholds, boolean exact) {
    if (numThresholds < 2) {
      throw new IllegalArgumentException("auc: numThresholds must be > 1, got " + numThresholds);
    }
    this.thresholds = new double[numThresholds];
    thresholds[0] = -EPSILON;
    for (int i = 1; i < numThresholds - 1; i++) {
      thresholds[i] = i / (double) (numThresholds - 1);
    }
    thresholds[numThresholds - 1] = 1 + EPSILON;
    this.positivesAbove = new double[numThresholds + 1];
    this.negativesAbove = new double[numThresholds + 1];
    this.exact = exact ? new ExactRoc() : null;
  }

  /** Keras's default: 200 thresholds. */
  public Auc() {
    this(200, false);
  }

  /** Keras's AUC(num_thresholds=n). */
  public static Auc withThresholds(int numThresholds) {
    return new Auc(numThresholds, false);
  }

  /** The exact area (no thresholds). */
  public static Auc exact() {
    return new Auc(2, true);
  }

  @Override
  public String name() {
    return "auc";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public void update(
      float[] yTrue, int trueCols, float[] yPred, int predCols, float[] sampleWeight, int rows) {
    for (int r = 0; r < rows; r++) {
      double weight = sampleWeight == null ? 1.0 : sampleWeight[r];
      for (int j = 0; j < predCols; j++) {
        float score = yPred[r * predCols + j];
        boolean positive = yTrue[r * trueCols + j] != 0;
        if (exact != null) {
          exact.add(score, positive, weight);
        } else {
          // bucket b = how many thresholds lie strictly below the score
          int bucket = thresholdsBelow(score);
          (positive ? positivesAbove : negativesAbove)[bucket] += weight;
        }
      }
    }
  }

  private int thresholdsBelow(double score) {
    int found = Arrays.binarySearch(thresholds, score);
    // an exact hit is not "above" that threshold
    return found >= 0 ? found : -found - 1;
  }

  @Override
  public double result() {
    if (exact != null) {
      return exact.area();
    }
    int n = thresholds.length;
    double totalPositives = Arrays.stream(positivesAbove).sum();
    double totalNegatives = Arrays.stream(negativesAbove).sum();
    double[] tpr = new double[n];
    double[] fpr = new double[n];
    double tp = totalPositives;
    double fp = totalNegatives;
    for (int i = 0; i < n; i++) {
      // predictions above threshold i are those in buckets i+1 .. n
      tp -= positivesAbove[i];
      fp -= negativesAbove[i];
      tpr[i] = ThresholdMetric.ratio(tp, totalPositives);
      fpr[i] = ThresholdMetric.ratio(fp, totalNegatives);
    }
    double area = 0;
    for (int i = 0; i < n - 1; i++) {
      area += (fpr[i] - fpr[i + 1]) * (tpr[i] + tpr[i + 1]) / 2;
    }
    return area;
  }

  @Override
  public void reset() {
    Arrays.fill(positivesAbove, 0);
    Arrays.fill(negativesAbove, 0);
    if (exact != null) {
      exact.clear();
    }
  }
}
