package dev.lamina.metrics;

/** A per-sample value computed from one row of targets and one row of predictions. */
@FunctionalInterface
interface SampleFunction {
  double value(
      float[] yTrue, int trueOffset, int trueCols, float[] yPred, int predOffset, int predCols);
}
