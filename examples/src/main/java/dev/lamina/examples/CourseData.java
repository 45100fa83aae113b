package dev.lamina.examples;

import dev.lamina.Tensor;
import dev.lamina.data.Datasets;
import dev.lamina.data.MinMaxScaler;
import dev.lamina.data.Table;
import dev.lamina.data.TableSplit;

/** The course's preparation of its datasets (shared/data/README.md), ready to train on. */
final class CourseData {
  private CourseData() {}

  /** Features and target of a training part and a validation part. */
  record Prepared(Tensor xTrain, Tensor yTrain, Tensor xValid, Tensor yValid) {
    int features() {
      return xTrain.shape()[1];
    }
  }

  /**
   * Red wine as lessons 3 and 4 prepare it: a random 70/30 split, then every column (the target
   * {@code quality} too) min-max scaled with the training part's minimum and maximum.
   */
  static Prepared redWine(long seed) {
    TableSplit split = Datasets.redWine().split(0.7, seed);
    MinMaxScaler scaler = new MinMaxScaler().fit(split.train());
    return separate(scaler.transform(split.train()), scaler.transform(split.valid()), "quality");
  }

  static Prepared separate(Table train, Table valid, String target) {
    return new Prepared(
        train.drop(target).toTensor(),
        train.select(target).toTensor(),
        valid.drop(target).toTensor(),
        valid.select(target).toTensor());
  }
}
