package dev.lamina.spark;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.callbacks.TrainingControl;
import dev.lamina.metrics.Metric;
import dev.lamina.optimizers.Optimizer;
import java.nio.file.Path;
import java.util.List;

/**
 * The training controls handed to callbacks: they act on the driver's model, which holds the
 * weights every round starts from.
 */
final class DriverControl implements TrainingControl {
  private final Sequential model;
  private final Optimizer optimizer;
  private List<Metric> metrics = List.of();
  private boolean stopRequested;

  DriverControl(Sequential model, Optimizer optimizer) {
    this.model = model;
    this.optimizer = optimizer;
  }

  void metrics(List<Metric> metrics) {
    this.metrics = metrics;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  @Override
  public List<Tensor> getWeights() {
    return model.getWeights();
  }

  @Override
  public void setWeights(List<Tensor> weights) {
    model.setWeights(weights);
  }

  @Override
  public void stopTraining() {
    stopRequested = true;
  }

  @Override
  public double learningRate() {
    return optimizer.learningRate();
  }

  @Override
  public void setLearningRate(double learningRate) {
    optimizer.setLearningRate(learningRate);
  }

  @Override
  public boolean higherIsBetter(String metric) {
    for (Metric m : metrics) {
      if (m.name().equals(metric) || ("val_" + m.name()).equals(metric)) {
        return m.higherIsBetter();
      }
    }
    return metric.contains("acc") || metric.equals("auc");
  }

  @Override
  public void save(Path file) {
    model.save(file);
  }
}
