package dev.lamina.metrics;

import java.util.function.ToDoubleFunction;

/**
 * Precision or recall at one threshold: a prediction counts as positive when it is strictly greater
 * than the threshold, every element of a multi-column output counting separately. Keras's
 * divide-no-NaN rule makes an empty denominator give 0.
 */
public final class ThresholdMetric implements Metric {
  private final String name;
  private final double threshold;
  private final ToDoubleFunction<ThresholdMetric> formula;
  private double truePositives;
  private double falsePositives;
  private double falseNegatives;

  private ThresholdMetric(
      String name, double threshold, ToDoubleFunction<ThresholdMetric> formula) {
    this.name = name;
    this.threshold = threshold;
    this.formula = formula;
  }

  /** tp / (tp + fp). */
  public static ThresholdMetric precision(double threshold) {
    return new ThresholdMetric(
        "precision", threshold, m -> ratio(m.truePositives, m.truePositives + m.falsePositives));
  }

  /** tp / (tp + fn). */
  public static ThresholdMetric recall(double threshold) {
    return new ThresholdMetric(
        "recall", threshold, m -> ratio(m.truePositives, m.truePositives + m.falseNegatives));
  }

  static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  @Override
  public String name() {
    return name;
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
        boolean predicted = yPred[r * predCols + j] > threshold;
        boolean actual = yTrue[r * trueCols + j] != 0;
        if (predicted && actual) {
          truePositives += weight;
        } else if (predicted) {
          falsePositives += weight;
        } else if (actual) {
          falseNegatives += weight;
        }
      }
    }
  }

  @Override
  public double result() {
    return formula.applyAsDouble(this);
  }

  @Override
  public void reset() {
    truePositives = 0;
    falsePositives = 0;
    falseNegatives = 0;
  }
}
