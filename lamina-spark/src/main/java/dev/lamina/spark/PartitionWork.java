package dev.lamina.spark;

import dev.lamina.DistributedTraining;
import dev.lamina.DistributedTraining.BatchGradients;
import dev.lamina.Tensor;
import dev.lamina.optimizers.GradientOptimizer;
import java.util.List;

/** What one partition does in a round, on its executor, with a borrowed replica of the model. */
final class PartitionWork {
  private PartitionWork() {}

  /**
   * Gradient averaging: the gradient of the loss summed over this partition's share of global batch
   * {@code in.index()} (its mean gradient times its row count), at the broadcast weights, followed
   * by the change of the layers' state (moving statistics) times the row count, so that the
   * driver's row-weighted mean moves the state as one step over the whole batch would.
   */
  static RoundSum gradientSum(FitPlan plan, RoundInput in, RowBlock block) {
    long first = (long) in.index() * plan.batchSize();
    long end = Math.min(plan.rows(), first + plan.batchSize());
    int from = plan.firstLocalRow(first, block.partition());
    int to = Math.min(block.rows(), plan.firstLocalRow(end, block.partition()));
    RoundSum sum = RoundSum.empty();
    if (to <= from) {
      return sum;
    }
    Replica replica = Replicas.borrow(plan.fitId(), plan.model().value());
    try {
      replica.start(in, plan.drawKey(block.partition(), in.epoch(), in.index()));
      Tensor[] xy = block.gather(plan.order(block.partition(), in.epoch(), block.rows()), from, to);
      BatchGradients g = DistributedTraining.gradients(replica.model(), xy[0], xy[1]);
      int n = to - from;
      float[] gradientSum = new float[in.weights().length];
      FlatArrays.addScaled(gradientSum, g.gradients(), n);
      sum.values = FlatArrays.join(gradientSum, replica.stateChange(in, n));
      record(sum, g, xy[1], n);
      sum.steps = 1;
      sum.contributors = 1;
      return sum;
    } finally {
      Replicas.giveBack(plan.fitId(), replica);
    }
  }

  /**
   * Parameter averaging: up to {@code plan.localSteps()} optimizer steps on this partition's own
   * batches of round {@code in.index()}, from the broadcast weights and optimizer state; returns
   * the resulting weights, the optimizer's slots and the change of the layers' state, to be
   * averaged.
   */
  static RoundSum localSteps(FitPlan plan, RoundInput in, RowBlock block) {
    int batch = plan.localBatch();
    int firstStep = in.index() * plan.localSteps();
    int stepsHere = (block.rows() + batch - 1) / batch;
    int lastStep = Math.min(stepsHere, firstStep + plan.localSteps());
    RoundSum sum = RoundSum.empty();
    if (lastStep <= firstStep) {
      return sum;
    }
    Replica replica = Replicas.borrow(plan.fitId(), plan.model().value());
    try {
      replica.start(in, plan.drawKey(block.partition(), in.epoch(), in.index()));
      GradientOptimizer<?> optimizer = gradientOptimizer(replica);
      optimizer.restoreFlatState(replica.arrays(), in.slots(), in.iterations());
      if (optimizer.learningRate() != in.learningRate()) {
        optimizer.setLearningRate(in.learningRate());
      }
      int[] order = plan.order(block.partition(), in.epoch(), block.rows());
      for (int step = firstStep; step < lastStep; step++) {
        int from = step * batch;
        int to = Math.min(block.rows(), from + batch);
        Tensor[] xy = block.gather(order, from, to);
        BatchGradients g = DistributedTraining.gradients(replica.model(), xy[0], xy[1]);
        List<float[]> grads = withRegularization(replica, g.gradients());
        optimizer.step(replica.arrays(), grads);
        DistributedTraining.applyConstraints(replica.model());
        record(sum, g, xy[1], to - from);
      }
      sum.values =
          FlatArrays.join(
              FlatArrays.concat(replica.arrays(), optimizer.flatSlotValues()),
              replica.stateChange(in, 1));
      sum.steps = (long) lastStep - firstStep;
      sum.contributors = 1;
      return sum;
    } finally {
      Replicas.giveBack(plan.fitId(), replica);
    }
  }

  static GradientOptimizer<?> gradientOptimizer(Replica replica) {
    if (DistributedTraining.optimizer(replica.model()) instanceof GradientOptimizer<?> g) {
      return g;
    }
    throw new IllegalArgumentException(
        "SparkTrainer.parameterAveraging: needs one of Lamina's optimizers (their state can be"
            + " averaged), got "
            + DistributedTraining.optimizer(replica.model()).name());
  }

  private static List<float[]> withRegularization(Replica replica, List<float[]> grads) {
    BatchGradients penalty = DistributedTraining.regularizationGradients(replica.model());
    if (penalty == null) {
      return grads;
    }
    for (int i = 0; i < grads.size(); i++) {
      float[] g = grads.get(i);
      float[] p = penalty.gradients().get(i);
      for (int j = 0; j < g.length; j++) {
        g[j] += p[j];
      }
    }
    return grads;
  }

  private static void record(RoundSum sum, BatchGradients g, Tensor targets, int rows) {
    sum.lossSum += g.loss() * rows;
    sum.rows += rows;
    sum.predictions.add(g.predictions());
    sum.targets.add(targets.toFloatArray());
  }
}
