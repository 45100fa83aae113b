package dev.lamina.callbacks;

import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when the monitored value has not improved for
 * {@code patience} epochs, then waits {@code cooldown} epochs (Keras 3, docs/keras-behaviour.md
 * §6). Adds {@code learning_rate} to each epoch's logs.
 */
public final class ReduceLROnPlateau implements Callback {
  private static final System.Logger LOG = System.getLogger(ReduceLROnPlateau.class.getName());
  private String monitorKey = "val_loss";
  private double factor = 0.1;
  private int patience = 10;
  private String mode = "auto";
  private double minDelta = 1e-4;
  private int cooldown = 0;
  private double minLr = 0;

  private Monitor monitor;
  private TrainingControl control;
  private Double best;
  private int wait;
  private int cooldownCounter;

  public ReduceLROnPlateau monitor(String key) {
    this.monitorKey = key;
    return this;
  }

  public ReduceLROnPlateau factor(double factor) {
    if (!(factor < 1.0) || !(factor >= 0)) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: factor must be in [0, 1), got " + factor);
    }
    this.factor = factor;
    return this;
  }

  public ReduceLROnPlateau patience(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: patience must be ≥ 0, got " + patience);
    }
    this.patience = patience;
    return this;
  }

  public ReduceLROnPlateau mode(String mode) {
    new Monitor(monitorKey, mode, 0); // validates
    this.mode = mode;
    return this;
  }

  public ReduceLROnPlateau minDelta(double minDelta) {
    this.minDelta = minDelta;
    return this;
  }

  public ReduceLROnPlateau cooldown(int cooldown) {
    if (cooldown < 0) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: cooldown must be ≥ 0, got " + cooldown);
    }
    this.cooldown = cooldown;
    return this;
  }

  public ReduceLROnPlateau minLr(double minLr) {
    this.minLr = minLr;
    return this;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
    this.monitor = new Monitor(monitorKey, mode, minDelta);
    best = null;
    wait = 0;
    cooldownCounter = 0;
  }

  @Override
  public void saveState(CallbackState state) {
    state.put("wait", wait).put("cooldown_counter", cooldownCounter).putIfPresent("best", best);
  }

  @Override
  public void restoreState(CallbackState state) {
    wait = state.count("wait");
    cooldownCounter = state.count("cooldown_counter");
    best = state.number("best");
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", control.learningRate());
    Double current = logs.get(monitorKey);
    if (current == null) {
      LOG.log(
          Level.WARNING,
          "ReduceLROnPlateau: monitored key ''{0}'' is not in the logs; available: {1}",
          monitorKey,
          logs.keySet());
      return;
    }
    monitor.resolve(control);
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    if (monitor.isImprovement(current, best)) {
      best = current;
      wait = 0;
    } else if (cooldownCounter == 0) {
      wait++;
      if (wait >= patience) {
        double oldLr = control.learningRate();
        if (oldLr > (float) minLr) {
          control.setLearningRate(Math.max(oldLr * factor, minLr));
          cooldownCounter = cooldown;
          wait = 0;
        }
      }
    }
  }
}
