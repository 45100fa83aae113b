package dev.lamina.callbacks;

import dev.lamina.Tensor;
import dev.lamina.TrainingState;
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
   * The whole state of training as it stands before {@code epoch} begins, for {@link
   * BackupAndRestore}; call it from {@link Callback#onEpochBegin}.
   */
  default TrainingState stateBefore(int epoch) {
    throw new UnsupportedOperationException(
        "this trainer (" + getClass().getSimpleName() + ") cannot save its training state");
  }

  /**
   * Continues this fit from {@code state} (call it from {@link Callback#onTrainBegin}): once
   * every callback has begun, the weights, optimizer, random streams, History and callbacks'
   * states are put back and training goes on at {@link TrainingState#nextEpoch()}.
   */
  default void resume(TrainingState state) {
    throw new UnsupportedOperationException(
        "this trainer (" + getClass().getSimpleName() + ") cannot resume from a training state");
  }
}
