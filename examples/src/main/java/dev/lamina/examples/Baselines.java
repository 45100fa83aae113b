package dev.lamina.examples;

/** What a model must beat: the error of guessing without looking at the inputs. */
final class Baselines {
  private Baselines() {}

  /** The validation MAE of always predicting the training part's mean target. */
  static double meanGuessMae(CourseData.Prepared data) {
    double[] train = data.yTrain().toDoubleArray();
    double mean = 0;
    for (double value : train) {
      mean += value / train.length;
    }
    double error = 0;
    double[] valid = data.yValid().toDoubleArray();
    for (double value : valid) {
      error += Math.abs(value - mean) / valid.length;
    }
    return error;
  }

  /** The validation accuracy of always predicting the training part's more frequent class. */
  static double majorityClassAccuracy(CourseData.Prepared data) {
    double positives = 0;
    for (double value : data.yTrain().toDoubleArray()) {
      positives += value;
    }
    boolean predictOne = positives * 2 > data.yTrain().size();
    double hits = 0;
    double[] valid = data.yValid().toDoubleArray();
    for (double value : valid) {
      hits += (value == 1) == predictOne ? 1 : 0;
    }
    return hits / valid.length;
  }
}
