package dev.lamina.callbacks;

import java.util.Map;

/** Sets the learning rate at the start of each epoch from {@code schedule(epoch, currentRate)}. */
public final class LearningRateScheduler implements Callback {

  /** The new rate for a 0-based epoch, given the current one. */
  @FunctionalInterface
  public interface Schedule {
    double rate(int epoch, double currentRate);
  }

  private final Schedule schedule;
  private TrainingControl control;

  public LearningRateScheduler(Schedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
  }

  @Override
  public void onEpochBegin(int epoch) {
    double rate = schedule.rate(epoch, control.learningRate());
    if (!Double.isFinite(rate) || rate < 0) {
      throw new IllegalArgumentException(
          "LearningRateScheduler: schedule returned "
              + rate
              + " for epoch "
              + epoch
              + "; a learning rate must be finite and ≥ 0");
    }
    control.setLearningRate(rate);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", control.learningRate());
  }
}
