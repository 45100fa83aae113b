package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.Loss;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.Optimizers;

/**
 * The network {@code train} builds: per hidden size a Dense layer with the activation, then
 * BatchNormalization and Dropout when asked; then the task's output layer, compiled with the
 * loss (the task's default unless given), the optimizer and the task's metric.
 */
record NetworkSpec(TrainSettings settings, Task task, int inputs, int outputs, String loss) {

  static NetworkSpec of(TrainSettings settings, Task task, Preprocessing preprocessing) {
    String loss = settings.loss() == null ? task.defaultLoss() : settings.loss();
    return new NetworkSpec(settings, task, preprocessing.inputWidth(),
        preprocessing.outputWidth(), loss);
  }

  Sequential build() {
    Sequential model = new Sequential().seed(settings.seed());
    for (int units : settings.layers()) {
      model.add(hidden(units));
      if (settings.batchnorm()) {
        model.add(new BatchNormalization());
      }
      if (settings.dropout() > 0) {
        model.add(new Dropout(settings.dropout()));
      }
    }
    model.add(task.outputActivation() == null ? new Dense(outputs)
        : new Dense(outputs, task.outputActivation()));
    model.build(inputs);
    model.compile(optimizer(), resolvedLoss(), task.metric());
    return model;
  }

  private Dense hidden(int units) {
    try {
      return new Dense(units, settings.activation());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--activation: " + e.getMessage(), e);
    }
  }

  private Optimizer optimizer() {
    try {
      Optimizer optimizer = Optimizers.get(settings.optimizer());
      optimizer.setLearningRate(settings.learningRate());
      return optimizer;
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--optimizer: " + e.getMessage(), e);
    }
  }

  private Loss resolvedLoss() {
    try {
      return Losses.get(loss);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--loss: " + e.getMessage(), e);
    }
  }
}
