package dev.lamina.callbacks;

import dev.lamina.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for fit: every epoch sets the single weight to a value unique to that epoch, then
 * reports a scripted monitored value, so tests can check which epoch's weights were restored.
 */
final class ScriptedTraining implements TrainingControl {
  private List<Tensor> weights = List.of(Tensor.of(new float[] {-1f}, 1));
  private boolean stopRequested;
  private double learningRate = 1.0;
  final List<Path> saved = new ArrayList<>();
  final List<Map<String, Double>> epochLogs = new ArrayList<>();

  /** The weight value set during 0-based epoch {@code epoch}. */
  static float weightOfEpoch(int epoch) {
    return 100f + epoch * 1.25f;
  }

  /** Runs until the script ends or a callback stops training; returns the epochs run. */
  int run(String key, double[] script, Callback... callbacks) {
    for (Callback c : callbacks) {
      c.onTrainBegin(this);
    }
    int epoch = 0;
    for (; epoch < script.length && !stopRequested; epoch++) {
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch);
      }
      weights = List.of(Tensor.of(new float[] {weightOfEpoch(epoch)}, 1));
      Map<String, Double> logs = new HashMap<>();
      logs.put(key, script[epoch]);
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, logs);
      }
      epochLogs.add(logs);
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(Map.of());
    }
    return epoch;
  }

  float weight() {
    return weights.get(0).get(0);
  }

  @Override
  public List<Tensor> getWeights() {
    return List.copyOf(weights);
  }

  @Override
  public void setWeights(List<Tensor> weights) {
    this.weights = List.copyOf(weights);
  }

  @Override
  public void stopTraining() {
    stopRequested = true;
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public boolean higherIsBetter(String metric) {
    return metric.contains("acc");
  }

  @Override
  public void save(Path file) {
    saved.add(file);
  }
}
