package dev.lamina.spark;

import dev.lamina.random.SeededRandom;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * What every task of one fit needs besides the round's weights: the model (as file bytes, sent
 * once), the global batch, how the rows are spread, and the seed of the row orders.
 *
 * @param localSteps local steps between averagings (parameter averaging), 0 for gradient averaging
 */
record FitPlan(
    String fitId,
    Broadcast<byte[]> model,
    int batchSize,
    int partitions,
    long rows,
    boolean shuffle,
    long seed,
    int localSteps)
    implements Serializable {

  boolean averagesGradients() {
    return localSteps == 0;
  }

  /** Global steps per epoch in gradient averaging. */
  int globalSteps() {
    return (int) ((rows + batchSize - 1) / batchSize);
  }

  /** Rows per local step in parameter averaging: the global batch shared by the partitions. */
  int localBatch() {
    return (batchSize + partitions - 1) / partitions;
  }

  /** The first row of partition {@code p} whose global number is ≥ {@code globalRow}. */
  int firstLocalRow(long globalRow, int p) {
    return (int) Math.floorDiv(globalRow - p + partitions - 1, partitions);
  }

  /**
   * The key of the random draws (Dropout masks) of one partition's work in one step (gradient
   * averaging) or round (parameter averaging) of an epoch: a retried or rescheduled task draws the
   * same masks.
   */
  long drawKey(int partition, int epoch, int index) {
    long key = SeededRandom.wordAt(seed, partition);
    key = SeededRandom.wordAt(key, epoch);
    return SeededRandom.wordAt(key, index);
  }

  /** A partition's rows in the epoch's order: stored order, or a seeded shuffle of it. */
  int[] order(int partition, int epoch, int localRows) {
    if (!shuffle) {
      return null;
    }
    return Replicas.order(fitId, partition, epoch, e -> shuffled(partition, e, localRows));
  }

  private int[] shuffled(int partition, int epoch, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long mixed =
        seed ^ (0x632BE59BD9B4E019L * (epoch + 1)) ^ (0x9E3779B97F4A7C15L * (partition + 1));
    SeededRandom random = new SeededRandom(mixed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
