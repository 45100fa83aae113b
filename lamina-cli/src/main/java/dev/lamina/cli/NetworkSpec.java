package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.Loss;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.Optimizers;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The network {@code train} builds: per hidden size a Dense layer with the activation, then
 * BatchNormalization and Dropout when asked; then the task's output layer, compiled with the loss
 * (the task's default unless given), the optimizer and the task's metric.
 */
record NetworkSpec(TrainSettings settings, Task task, int inputs, int outputs, String loss) {
  /** The largest hidden layer {@code --layers} accepts. */
  static final int MAX_UNITS = 1_000_000;

  /**
   * Copies of every weight training holds: the weights, their gradients and up to two optimizer
   * slots (Adam's moments).
   */
  private static final int COPIES_PER_WEIGHT = 4;

  /**
   * Float arrays per hidden unit and batch row in one step: the layer's output, its gradient and
   * room for an activation's or normalization's intermediate and a dropout mask.
   */
  private static final int ARRAYS_PER_UNIT = 4;

  static NetworkSpec of(TrainSettings settings, Task task, Preprocessing preprocessing) {
    String loss = settings.loss() == null ? task.defaultLoss() : settings.loss();
    return new NetworkSpec(
        settings, task, preprocessing.inputWidth(), preprocessing.outputWidth(), loss);
  }

  /** Builds and compiles the network, refusing first one that cannot fit in the heap. */
  Sequential build() {
    requireMemory(Runtime.getRuntime().maxMemory() - usedMemory());
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
    model.add(
        task.outputActivation() == null
            ? new Dense(outputs)
            : new Dense(outputs, task.outputActivation()));
    model.build(inputs);
    model.compile(optimizer(), resolvedLoss(), task.metric());
    return model;
  }

  /** The number of weights: Dense kernels and biases, BatchNormalization's four per unit. */
  long weights() {
    long count = 0;
    long width = inputs;
    for (int units : settings.layers()) {
      count += (width + 1) * units + (settings.batchnorm() ? 4L * units : 0);
      width = units;
    }
    return count + (width + 1) * outputs;
  }

  /** About how many bytes training needs beyond the data. */
  long trainingBytes() {
    long activations = 0;
    for (int units : settings.layers()) {
      activations += units;
    }
    activations += outputs;
    return Float.BYTES
        * (COPIES_PER_WEIGHT * weights() + ARRAYS_PER_UNIT * activations * settings.batchSize());
  }

  /**
   * Fails with the options to change when training would need more than {@code available} bytes,
   * instead of an OutOfMemoryError deep inside the first step (or while building).
   */
  void requireMemory(long available) {
    long needed = trainingBytes();
    if (needed > available) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "--layers %s with --batch-size %d: training needs about %s (%,d weights, with their "
                  + "gradients and optimizer state, and the activations of a batch), but the JVM "
                  + "has %s free; use smaller layers or batches, or a larger heap "
                  + "(LAMINA_JAVA_OPTS=-Xmx...)",
              settings.layers().stream().map(String::valueOf).collect(Collectors.joining(",")),
              settings.batchSize(),
              gigabytes(needed),
              weights(),
              gigabytes(available)));
    }
  }

  private static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  private static long usedMemory() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
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
