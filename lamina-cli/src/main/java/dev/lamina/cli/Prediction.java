package dev.lamina.cli;

import java.util.List;

/**
 * One row's prediction as {@code lamina predict} reports it: the value (regression), or the
 * predicted label with its probability (classification).
 *
 * @param label the predicted class label; null for a regression
 * @param value the predicted value, or the probability of {@code label}
 */
record Prediction(String label, float value) {

  /** The prediction for row {@code row} of network outputs {@code width} wide. */
  static Prediction of(float[] outputs, int width, int row, Task task, List<String> classes) {
    return switch (task) {
      case REGRESSION -> new Prediction(null, outputs[row]);
      case BINARY -> {
        float positive = outputs[row];
        boolean isPositive = positive >= 0.5f;
        yield new Prediction(classes.get(isPositive ? 1 : 0), isPositive ? positive : 1 - positive);
      }
      case MULTICLASS -> {
        int best = 0;
        for (int c = 1; c < width; c++) {
          if (outputs[row * width + c] > outputs[row * width + best]) {
            best = c;
          }
        }
        yield new Prediction(classes.get(best), outputs[row * width + best]);
      }
    };
  }
}
