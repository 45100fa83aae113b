package dev.lamina.metrics;

/** The square root of the weighted mean squared error over everything seen: Keras's rmse. */
public final class RootMeanSquaredError implements Metric {
  private final MeanMetric meanSquaredError;

  public RootMeanSquaredError() {
    meanSquaredError = new MeanMetric("rmse", false, SampleFunctions::squaredError);
  }

  @Override
  public String name() {
    return "rmse";
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public void update(
      float[] yTrue, int trueCols, float[] yPred, int predCols, float[] sampleWeight, int rows) {
    meanSquaredError.update(yTrue, trueCols, yPred, predCols, sampleWeight, rows);
  }

  @Override
  public double result() {
    return Math.sqrt(meanSquaredError.result());
  }

  @Override
  public void reset() {
    meanSquaredError.reset();
  }
}
