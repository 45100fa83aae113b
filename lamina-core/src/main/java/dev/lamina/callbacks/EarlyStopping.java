package dev.lamina.callbacks;

import dev.lamina.Tensor;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * Stops training when the monitored value has stopped improving, with Keras 3's exact rules
 * (docs/keras-behaviour.md §5). With {@code restoreBestWeights}, the weights of the best epoch are
 * restored at the end of training whenever a best snapshot exists, also when training ran out of
 * epochs.
 */
public final class EarlyStopping implements Callback {
  private static final System.Logger LOG = System.getLogger(EarlyStopping.class.getName());
  private String monitorKey = "val_loss";
  private double minDelta = 0;
  private int patience = 0;
  private String mode = "auto";
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch = 0;

  private Monitor monitor;
  private TrainingControl control;
  private int wait;
  private int stoppedEpoch;
  private Double best;
  private List<Tensor> bestWeights;
  private int bestEpoch;

  public EarlyStopping monitor(String key) {
    this.monitorKey = key;
    return this;
  }

  public EarlyStopping minDelta(double minDelta) {
    this.minDelta = minDelta;
    return this;
  }

  public EarlyStopping patience(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("EarlyStopping: patience must be ≥ 0, got " + patience);
    }
    this.patience = patience;
    return this;
  }

  public EarlyStopping mode(String mode) {
    new Monitor(monitorKey, mode, 0); // validates
    this.mode = mode;
    return this;
  }

  public EarlyStopping baseline(double baseline) {
    this.baseline = baseline;
    return this;
  }

  public EarlyStopping restoreBestWeights(boolean restore) {
    this.restoreBestWeights = restore;
    return this;
  }

  public EarlyStopping startFromEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("EarlyStopping: startFromEpoch must be ≥ 0, got " + epoch);
    }
    this.startFromEpoch = epoch;
    return this;
  }

  /** The 0-based epoch at which training was stopped, or 0 if it was not. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The 0-based epoch with the best monitored value. */
  public int bestEpoch() {
    return bestEpoch;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    this.control = control;
    this.monitor = new Monitor(monitorKey, mode, minDelta);
    wait = 0;
    stoppedEpoch = 0;
    best = null;
    bestWeights = null;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = logs.get(monitorKey);
    if (current == null) {
      LOG.log(
          Level.WARNING,
          "EarlyStopping: monitored key ''{0}'' is not in the logs; available: {1}",
          monitorKey,
          logs.keySet());
      return;
    }
    if (epoch < startFromEpoch) {
      return;
    }
    monitor.resolve(control);
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = control.getWeights();
      bestEpoch = epoch;
    }
    wait++;
    if (monitor.isImprovement(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = control.getWeights();
      }
      if (baseline == null || monitor.isImprovement(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      control.stopTraining();
    }
  }

  @Override
  public void saveState(CallbackState state) {
    state
        .put("wait", wait)
        .put("stopped_epoch", stoppedEpoch)
        .put("best_epoch", bestEpoch)
        .putIfPresent("best", best)
        .putWeights("best_weights", bestWeights);
  }

  @Override
  public void restoreState(CallbackState state) {
    wait = state.count("wait");
    stoppedEpoch = state.count("stopped_epoch");
    bestEpoch = state.count("best_epoch");
    best = state.number("best");
    bestWeights = state.weights("best_weights");
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (restoreBestWeights && bestWeights != null) {
      control.setWeights(bestWeights);
    }
  }
}
