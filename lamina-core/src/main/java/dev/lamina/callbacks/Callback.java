package dev.lamina.callbacks;

import java.util.Map;

/**
 * Hooks into {@code fit}, as Keras callbacks are. Epochs are 0-based. {@code logs} holds the values
 * of the epoch so far (after the epoch: the training metrics, then the {@code val_} ones) and may
 * be added to (ReduceLROnPlateau adds {@code learning_rate}).
 *
 * <p>{@link #onTrainBegin(TrainingControl)} hands over the model's training controls: weights, the
 * learning rate, saving, and {@link TrainingControl#stopTraining()} to end training after the
 * current epoch.
 */
public interface Callback {

  default void onTrainBegin(TrainingControl control) {}

  default void onEpochBegin(int epoch) {}

  /** After each training batch; {@code logs} holds the running means of the epoch so far. */
  default void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {}

  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  default void onTrainEnd(Map<String, Double> logs) {}

  /**
   * Puts what this callback carries from one epoch to the next into {@code state}, for {@link
   * BackupAndRestore}; called between epochs. A callback without such state puts nothing.
   */
  default void saveState(CallbackState state) {}

  /**
   * Continues from a state {@link #saveState} put, after {@link #onTrainBegin} of a resumed fit.
   */
  default void restoreState(CallbackState state) {}
}
