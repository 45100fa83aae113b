package dev.lamina;

import dev.lamina.callbacks.Callback;
import dev.lamina.callbacks.TrainingControl;
import dev.lamina.layers.Phase;
import dev.lamina.metrics.Metric;
import dev.lamina.random.SeededRandom;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The training loop of {@code fit}, modelled on Keras's: per batch, forward in training mode → loss
 * (+ regularization) → gradients → optimizer step → metrics on the batch's predictions; per epoch,
 * validation in inference mode → callbacks → History.
 */
final class Trainer implements TrainingControl {
  private final Sequential model;
  private final Compiled compiled;
  private final FitOptions options;
  private List<Metric> metrics = List.of();
  private boolean stopRequested;
  private final StepBuffers buffers;

  /** What fit records and calls, for a training state taken between epochs. */
  private History history;

  private List<Callback> callbacks;

  /** A state a callback asked to resume from, put back once every callback has begun. */
  private TrainingState resumeFrom;

  Trainer(Sequential model, Compiled compiled, FitOptions options) {
    this.model = model;
    this.compiled = compiled;
    this.options = options;
    this.buffers = model.stepBuffers();
  }

  /**
   * Rows {@code order[start..end)} of x, y and the optional per-row weights, or rows start..end in
   * order when {@code order} is null.
   */
  private record Batch(Tensor x, Tensor y, Tensor weights, int[] order, int start, int end) {
    int rows() {
      return end - start;
    }
  }

  History fit(Tensor x, Tensor y) {
    Rows.requireSameRows("fit", x, y, "y");
    Rows.requireFinite("fit", "x", x);
    Rows.requireFinite("fit", "y", y);
    Tensor weights = SampleWeights.resolve(options, y);
    Tensor xValid = options.validationX();
    Tensor yValid = options.validationY();
    if (xValid == null && options.validationSplit() > 0) {
      int n = x.shape()[0];
      int splitAt = (int) Math.floor(n * (1 - options.validationSplit()));
      if (splitAt == 0 || splitAt == n) {
        throw new IllegalArgumentException(
            "fit: validationSplit "
                + options.validationSplit()
                + " of "
                + n
                + " rows leaves an empty training or validation set");
      }
      xValid = x.slice(0, splitAt, n);
      yValid = y.slice(0, splitAt, n);
      x = x.slice(0, 0, splitAt);
      y = y.slice(0, 0, splitAt);
      weights = weights == null ? null : weights.slice(0, 0, splitAt);
    }
    if (xValid != null) {
      Rows.requireSameRows("fit", xValid, yValid, "validation y");
      Rows.requireFinite("fit", "validation x", xValid);
      Rows.requireFinite("fit", "validation y", yValid);
    }
    model.checkInput("fit", x);
    Tensor xt = x;
    Tensor yt = y;
    Tensor wt = weights;
    int rows = x.shape()[0];
    int batchSize = options.batchSize();
    int steps = (rows + batchSize - 1) / batchSize;
    // rows in stored order need no index array
    int[] order = options.shuffle() ? new int[rows] : null;
    return run(
        (int) (y.size() / Math.max(1, rows)),
        steps,
        epoch -> tensorBatches(xt, yt, wt, order, rows, epoch),
        xValid,
        yValid);
  }

  History fit(BatchSource source) {
    if (options.validationSplit() > 0) {
      throw new IllegalArgumentException(
          "fit: validationSplit needs tensors; give a BatchSource validationData instead");
    }
    // the weights must exist before training binds to them: build from the first batch's shape
    if (model.inputShape() == null) {
      try (BatchSource.Batches first = source.open(epochSeed(options.initialEpoch()))) {
        if (first.hasNext()) {
          model.checkInput("fit", first.next().x());
        }
      }
    }
    model.outputShape();
    int batchSize = options.batchSize();
    int steps =
        source.rowCount().isPresent()
            ? (int) ((source.rowCount().getAsLong() + batchSize - 1) / batchSize)
            : 0;
    return run(
        -1,
        steps,
        epoch -> {
          BatchSource.Batches pass = source.open(epochSeed(epoch));
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              boolean more = pass.hasNext();
              if (!more) {
                pass.close();
              }
              return more;
            }

            @Override
            public Batch next() {
              BatchSource.Batch b = pass.next();
              model.checkInput("fit", b.x());
              return new Batch(b.x(), b.y(), null, null, 0, b.x().shape()[0]);
            }
          };
        },
        options.validationX(),
        options.validationY());
  }

  private interface EpochBatches {
    Iterator<Batch> open(int epoch);
  }

  /**
   * @param order where a shuffled epoch's row order goes, or null for rows in stored order
   */
  private Iterator<Batch> tensorBatches(
      Tensor x, Tensor y, Tensor w, int[] order, int rows, int epoch) {
    if (order != null) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      SeededRandom random = new SeededRandom(epochSeed(epoch));
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
    }
    int batchSize = options.batchSize();
    return new Iterator<>() {
      private int start;

      @Override
      public boolean hasNext() {
        return start < rows;
      }

      @Override
      public Batch next() {
        int end = Math.min(rows, start + batchSize);
        Batch b = new Batch(x, y, w, order, start, end);
        start = end;
        return b;
      }
    };
  }

  /** A seed per epoch derived from the model's, so each epoch has its own order. */
  private long epochSeed(int epoch) {
    return new SeededRandom(model.seedValue() ^ (0x632BE59BD9B4E019L * (epoch + 1))).nextLong();
  }

  private History run(
      int trueColsIfKnown, int steps, EpochBatches batches, Tensor xValid, Tensor yValid) {
    history = new History();
    callbacks = options.callbackList();
    ProgressBar progress = new ProgressBar(options.out(), options.verbose(), options.epochs());
    List<Parameter> params = model.trainableParameters();
    List<Tensor> values = params.stream().map(Parameter::value).toList();
    TrainableArrays arrays = new TrainableArrays(params);
    int predCols = Evaluator.product(model.outputShape());
    metrics = trueColsIfKnown < 0 ? null : compiled.newMetrics(trueColsIfKnown, predCols);
    callbacks.forEach(c -> c.onTrainBegin(this));
    int firstEpoch =
        resumeFrom == null
            ? options.initialEpoch()
            : resumeFrom.applyTo(model, compiled.optimizer(), history, callbacks);
    Map<String, Double> logs = new HashMap<>();
    for (int epoch = firstEpoch; epoch < options.epochs(); epoch++) {
      int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(e));
      progress.epochBegin(epoch);
      if (metrics != null) {
        metrics.forEach(Metric::reset);
      }
      double lossSum = 0;
      long seen = 0;
      int step = 0;
      for (Iterator<Batch> it = batches.open(epoch); it.hasNext() && !stopRequested; ) {
        Batch b = it.next();
        int n = b.rows();
        lossSum += trainStep(b, values, arrays, predCols) * n;
        params.forEach(Parameter::constrain); // as Keras, right after each optimizer update
        seen += n;
        step++;
        // per-batch logs only for someone who reads them, so a quiet fit allocates nothing here
        if (!callbacks.isEmpty() || options.verbose() == 1) {
          logs = epochLogs(lossSum / seen);
          int s = step;
          Map<String, Double> batchLogs = logs;
          callbacks.forEach(c -> c.onBatchEnd(e, s, batchLogs));
          progress.batchEnd(step, Math.max(steps, step), logs);
        }
      }
      if (step > 0) {
        logs = epochLogs(lossSum / seen);
      }
      if (xValid != null) {
        Map<String, Double> validation =
            new Evaluator(model, compiled).evaluate(xValid, yValid, null, options.batchSize());
        for (Map.Entry<String, Double> entry : validation.entrySet()) {
          logs.put("val_" + entry.getKey(), entry.getValue());
        }
      }
      Map<String, Double> endLogs = logs;
      callbacks.forEach(c -> c.onEpochEnd(e, endLogs));
      history.record(endLogs);
      progress.epochEnd(step, endLogs);
      if (stopRequested) {
        break;
      }
    }
    Map<String, Double> finalLogs = logs;
    callbacks.forEach(c -> c.onTrainEnd(finalLogs));
    return history;
  }

  private Map<String, Double> epochLogs(double loss) {
    Map<String, Double> logs = new HashMap<>();
    logs.put("loss", loss);
    if (metrics != null) {
      metrics.forEach(m -> logs.put(m.name(), m.result()));
    }
    return logs;
  }

  /**
   * One gradient step: forward in training mode → loss (+ regularization) → gradients → optimizer;
   * returns the batch's loss. The batch is copied into the same input tensors every step, so that
   * the workspace finds each operation again and the step after the first allocates nothing.
   */
  private double trainStep(Batch b, List<Tensor> values, TrainableArrays arrays, int predCols) {
    int rows = b.rows();
    int variant = rows == options.batchSize() ? 0 : 1;
    StepInputs in = buffers.inputs(variant, b.x(), b.y(), b.weights(), rows);
    in.fill(b.x(), b.y(), b.weights(), b.order(), b.start(), rows);
    Tensor pred;
    Tensor loss;
    List<Tensor> grads;
    try (Workspace step = buffers.workspace.step(variant)) {
      pred = model.forward(in.x, Phase.TRAINING);
      loss = compiled.loss().compute(in.y, pred, in.weights);
      Tensor penalty = model.regularization();
      if (penalty != null) {
        loss = loss.add(penalty);
      }
      grads = Gradients.of(loss, values);
    }
    arrays.step(compiled.optimizer(), grads);
    updateMetrics(Rows.floats(in.y), in.y, Rows.floats(pred), predCols, rows);
    return loss.item();
  }

  /** Updates the metrics with the batch's targets (rows of {@code targets}) and predictions. */
  private void updateMetrics(float[] yTrue, Tensor targets, float[] pred, int predCols, int n) {
    int trueCols = (int) (targets.size() / Math.max(1, targets.shape[0]));
    if (metrics == null) {
      metrics = compiled.newMetrics(trueCols, predCols);
    }
    // as in Keras, sample and class weights scale the loss, not the compiled metrics
    for (int i = 0; i < metrics.size(); i++) {
      metrics.get(i).update(yTrue, trueCols, pred, predCols, null, n);
    }
  }

  // ---- TrainingControl, handed to callbacks ----------------------------------------------------

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
    return compiled.optimizer().learningRate();
  }

  @Override
  public void setLearningRate(double learningRate) {
    compiled.optimizer().setLearningRate(learningRate);
  }

  @Override
  public boolean higherIsBetter(String metric) {
    if (metrics != null) {
      for (Metric m : metrics) {
        if (m.name().equals(metric)) {
          return m.higherIsBetter();
        }
      }
    }
    return metric.contains("acc") || metric.equals("auc");
  }

  @Override
  public void save(Path file) {
    model.save(file);
  }

  @Override
  public void backUp(int epoch, Path file) {
    TrainingState.capture(epoch, model, compiled.optimizer(), history, callbacks).write(file);
  }

  @Override
  public void resumeFrom(Path file) {
    resumeFrom = TrainingState.read(file);
  }
}
