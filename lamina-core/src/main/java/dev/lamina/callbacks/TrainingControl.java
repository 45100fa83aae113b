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

  /**
   * Writes the whole state of training as it stands before {@code epoch} begins (weights,
   * optimizer, random streams, History, every callback's state) to {@code file}, atomically and
   * checksummed, for {@link BackupAndRestore}; call it from {@link Callback#onEpochBegin}.
   */
  default void backUp(int epoch, Path file) {
    throw new UnsupportedOperationException(
        "this trainer (" + getClass().getSimpleName() + ") cannot save its training state");
  }

  /**
   * Continues this fit from the state {@link #backUp} wrote to {@code file} (call it from {@link
   * Callback#onTrainBegin}): once every callback has begun, the weights, optimizer, random streams,
   * History and callbacks' states are put back and training goes on at the epoch the state was
   * taken before.
   */
  default void resumeFrom(Path file) {
    throw new UnsupportedOperationException(
        "this trainer (" + getClass().getSimpleName() + ") cannot resume from a training state");
  }
}
