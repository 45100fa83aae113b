package dev.lamina.callbacks;

import dev.lamina.Tensor;
import java.nio.file.Path;
import java.util.List;

/** What a callback may see and change of the model being trained. */
public interface TrainingControl {

  /** A copy of every weight, trainable or not, in Keras order. */
  List<Tensor> getWeights();

  void setWeights(List<Tensor> weights);

  /** Ends training once the current epoch completes. */
  void stopTraining();

  /** The optimizer's current learning rate. */
  double learningRate();

  /** Sets the learning rate; fails when the optimizer follows a schedule. */
  void setLearningRate(double learningRate);

  /** Whether a larger value of the named metric is better (for mode "auto"). */
  boolean higherIsBetter(String metric);

  /** Saves the model to {@code file} atomically. */
  void save(Path file);
}
