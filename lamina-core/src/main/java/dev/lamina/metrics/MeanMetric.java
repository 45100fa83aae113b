package dev.lamina.metrics;

/**
 * The weighted mean of a per-sample value: Keras's MeanMetricWrapper. The total is Σ wᵢ·vᵢ and the
 * count Σ wᵢ (the number of samples when unweighted).
 */
public final class MeanMetric implements Metric {
  private final String name;
  private final boolean higherIsBetter;
  private final SampleFunction function;
  private double total;
  private double count;

  MeanMetric(String name, boolean higherIsBetter, SampleFunction function) {
    this.name = name;
    this.higherIsBetter = higherIsBetter;
    this.function = function;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  @Override
  public void update(
      float[] yTrue, int trueCols, float[] yPred, int predCols, float[] sampleWeight, int rows) {
    for (int r = 0; r < rows; r++) {
      double weight = sampleWeight == null ? 1.0 : sampleWeight[r];
      total +=
          weight * function.value(yTrue, r * trueCols, trueCols, yPred, r * predCols, predCols);
      count += weight;
    }
  }

  @Override
  public double result() {
    return count == 0 ? 0.0 : total / count;
  }

  @Override
  public void reset() {
    total = 0;
    count = 0;
  }
}
