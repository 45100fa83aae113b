package dev.lamina.spark;

import dev.lamina.DistributedTraining;
import dev.lamina.DistributedTraining.BatchGradients;
import dev.lamina.DistributedTraining.Settings;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.callbacks.Callback;
import dev.lamina.metrics.Metric;
import dev.lamina.optimizers.GradientOptimizer;
import dev.lamina.optimizers.Optimizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver's loop of a distributed fit, shaped as {@code Sequential.fit}'s: rounds of broadcast →
 * work on every partition → summed results → update of the driver's model; per epoch, validation,
 * callbacks and History on the driver.
 */
final class DistributedFit {
  private final JavaSparkContext context;
  private final Sequential model;
  private final Settings settings;
  private final Aggregation aggregation;
  private final Optimizer optimizer;
  private final List<float[]> arrays;
  private final List<float[]> state;
  private final DriverControl control;

  DistributedFit(
      JavaSparkContext context, Sequential model, Settings settings, Aggregation aggregation) {
    this.context = context;
    this.model = model;
    this.settings = settings;
    this.aggregation = aggregation;
    this.optimizer = DistributedTraining.optimizer(model);
    this.arrays = DistributedTraining.trainableArrays(model);
    this.state = DistributedTraining.stateArrays(model);
    this.control = new DriverControl(model, optimizer);
  }

  History run(JavaRDD<RowBlock> blocks, FitPlan plan) {
    History history = new History();
    List<Callback> callbacks = settings.callbacks();
    callbacks.forEach(c -> c.onTrainBegin(control));
    Map<String, Double> logs = new LinkedHashMap<>();
    int predCols = Arrays.stream(model.outputShape()).reduce(1, (a, b) -> a * b);
    List<Metric> metrics = DistributedTraining.newMetrics(model, 1, predCols);
    control.metrics(metrics);
    for (int epoch = settings.initialEpoch(); epoch < settings.epochs(); epoch++) {
      int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(e));
      metrics.forEach(Metric::reset);
      double lossSum = 0;
      long seen = 0;
      int rounds = plan.averagesGradients() ? plan.globalSteps() : averagingRounds(plan);
      for (int round = 0; round < rounds; round++) {
        RoundSum sum =
            plan.averagesGradients()
                ? gradientRound(blocks, plan, epoch, round)
                : averagingRound(blocks, plan, epoch, round);
        lossSum += sum.lossSum;
        seen += sum.rows;
        for (int i = 0; i < sum.predictions.size(); i++) {
          float[] pred = sum.predictions.get(i);
          float[] truth = sum.targets.get(i);
          metrics.forEach(m -> m.update(truth, 1, pred, predCols, null, truth.length));
        }
      }
      Map<String, Double> endLogs = new LinkedHashMap<>();
      endLogs.put("loss", seen == 0 ? 0.0 : lossSum / seen);
      for (Metric m : metrics) {
        endLogs.put(m.name(), m.result());
      }
      if (settings.validationX() != null) {
        DistributedTraining.evaluate(
                model, settings.validationX(), settings.validationY(), settings.batchSize())
            .forEach((k, v) -> endLogs.put("val_" + k, v));
      }
      logs = endLogs;
      callbacks.forEach(c -> c.onEpochEnd(e, endLogs));
      history.record(endLogs);
      if (settings.verbose() > 0) {
        settings
            .out()
            .println("Epoch " + (epoch + 1) + "/" + settings.epochs() + " - " + line(endLogs));
      }
      if (control.stopRequested()) {
        break;
      }
    }
    Map<String, Double> finalLogs = logs;
    callbacks.forEach(c -> c.onTrainEnd(finalLogs));
    return history;
  }

  private static String line(Map<String, Double> logs) {
    StringBuilder s = new StringBuilder();
    logs.forEach(
        (k, v) ->
            s.append(s.isEmpty() ? "" : " - ")
                .append(k)
                .append(": ")
                .append(String.format(java.util.Locale.ROOT, "%.4f", v)));
    return s.toString();
  }

  private static int averagingRounds(FitPlan plan) {
    long largestPartition = (plan.rows() + plan.partitions() - 1) / plan.partitions();
    long localSteps = (largestPartition + plan.localBatch() - 1) / plan.localBatch();
    return (int) ((localSteps + plan.localSteps() - 1) / plan.localSteps());
  }

  /**
   * One global step: the gradient summed over the batch's rows on every partition, then applied;
   * the layers' state moves by the row-weighted mean of the partitions' changes.
   */
  private RoundSum gradientRound(JavaRDD<RowBlock> blocks, FitPlan plan, int epoch, int step) {
    RoundInput in =
        new RoundInput(
            FlatArrays.concat(arrays, new float[0]),
            flatState(),
            new float[0],
            optimizer.iterations(),
            optimizer.learningRate(),
            epoch,
            step);
    Broadcast<RoundInput> shared = context.broadcast(in);
    RoundSum sum;
    try {
      sum =
          aggregation.run(blocks, block -> PartitionWork.gradientSum(plan, shared.value(), block));
    } finally {
      shared.destroy();
    }
    float[] mean = sum.values;
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= sum.rows;
    }
    List<float[]> grads = split(mean);
    FlatArrays.addInto(state, mean, in.weights().length, 1);
    BatchGradients penalty = DistributedTraining.regularizationGradients(model);
    if (penalty != null) {
      // the penalty counts once per step, as on one machine
      for (int i = 0; i < grads.size(); i++) {
        float[] g = grads.get(i);
        float[] p = penalty.gradients().get(i);
        for (int j = 0; j < g.length; j++) {
          g[j] += p[j];
        }
      }
      sum.lossSum += penalty.loss() * sum.rows;
    }
    optimizer.step(arrays, grads);
    DistributedTraining.applyConstraints(model);
    return sum;
  }

  /**
   * One averaging round: local steps on every partition, then weights, slots and state averaged.
   */
  private RoundSum averagingRound(JavaRDD<RowBlock> blocks, FitPlan plan, int epoch, int round) {
    GradientOptimizer<?> driverOptimizer = (GradientOptimizer<?>) optimizer;
    RoundInput in =
        new RoundInput(
            FlatArrays.concat(arrays, new float[0]),
            flatState(),
            driverOptimizer.flatSlotValues(),
            optimizer.iterations(),
            optimizer.learningRate(),
            epoch,
            round);
    Broadcast<RoundInput> shared = context.broadcast(in);
    RoundSum sum;
    try {
      sum = aggregation.run(blocks, block -> PartitionWork.localSteps(plan, shared.value(), block));
    } finally {
      shared.destroy();
    }
    float[] mean = sum.values;
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= sum.contributors;
    }
    FlatArrays.copyInto(mean, arrays);
    // an average of projected weights can leave a non-convex set (UnitNorm): project it again
    DistributedTraining.applyConstraints(model);
    // the slots' length is the partitions': the driver's optimizer has none before its first round
    int slotsEnd = mean.length - FlatArrays.length(state);
    driverOptimizer.restoreFlatState(
        arrays,
        Arrays.copyOfRange(mean, in.weights().length, slotsEnd),
        optimizer.iterations() + sum.steps);
    FlatArrays.addInto(state, mean, slotsEnd, 1);
    return sum;
  }

  private float[] flatState() {
    return FlatArrays.concat(state, new float[0]);
  }

  private List<float[]> split(float[] flat) {
    List<float[]> parts = new java.util.ArrayList<>(arrays.size());
    int at = 0;
    for (float[] a : arrays) {
      parts.add(Arrays.copyOfRange(flat, at, at + a.length));
      at += a.length;
    }
    return parts;
  }
}
