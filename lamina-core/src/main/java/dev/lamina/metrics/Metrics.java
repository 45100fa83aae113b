package dev.lamina.metrics;

import java.util.List;

/** Built-in metrics by Keras name; the key in logs is the name exactly as the user wrote it. */
public final class Metrics {
  private static final List<String> NAMES =
      List.of(
          "accuracy",
          "acc",
          "binary_accuracy",
          "categorical_accuracy",
          "sparse_categorical_accuracy",
          "mae",
          "mean_absolute_error",
          "mse",
          "mean_squared_error",
          "rmse",
          "root_mean_squared_error",
          "auc",
          "precision",
          "recall");

  private Metrics() {}

  /**
   * The metric called {@code name} for targets with {@code trueCols} and predictions with {@code
   * predCols} values per sample. "accuracy" is resolved by shape as Keras does: binary accuracy for
   * one output column, sparse categorical accuracy for one target column and several outputs,
   * categorical accuracy otherwise.
   */
  public static Metric get(String name, int trueCols, int predCols) {
    return switch (name) {
      case "accuracy", "acc" -> new MeanMetric(name, true, accuracyFor(trueCols, predCols));
      case "binary_accuracy" -> binaryAccuracy(name, 0.5);
      case "categorical_accuracy" ->
          new MeanMetric(name, true, SampleFunctions::categoricalAccuracy);
      case "sparse_categorical_accuracy" ->
          new MeanMetric(name, true, SampleFunctions::sparseCategoricalAccuracy);
      case "mae", "mean_absolute_error" ->
          new MeanMetric(name, false, SampleFunctions::absoluteError);
      case "mse", "mean_squared_error" ->
          new MeanMetric(name, false, SampleFunctions::squaredError);
      case "rmse", "root_mean_squared_error" -> new RootMeanSquaredError();
      case "auc" -> new Auc();
      case "precision" -> ThresholdMetric.precision(0.5);
      case "recall" -> ThresholdMetric.recall(0.5);
      default ->
          throw new IllegalArgumentException(
              "unknown metric '" + name + "'; valid names: " + String.join(", ", NAMES));
    };
  }

  /** Keras's BinaryAccuracy(threshold): a prediction is class 1 when strictly above it. */
  public static Metric binaryAccuracy(String name, double threshold) {
    return new MeanMetric(name, true, SampleFunctions.binaryAccuracy(threshold));
  }

  private static SampleFunction accuracyFor(int trueCols, int predCols) {
    if (predCols == 1) {
      return SampleFunctions.binaryAccuracy(0.5);
    }
    if (trueCols == 1) {
      return SampleFunctions::sparseCategoricalAccuracy;
    }
    return SampleFunctions::categoricalAccuracy;
  }
}
