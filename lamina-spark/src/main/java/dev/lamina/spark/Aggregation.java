package dev.lamina.spark;

import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/**
 * How the partitions' results of a round reach the driver, summed. Both ways add the partitions'
 * values in partition order wherever they meet, never in the order tasks happen to finish, so a
 * round's sum — and a seeded run — repeats itself bit for bit.
 */
interface Aggregation {

  RoundSum run(JavaRDD<RowBlock> blocks, Function<RowBlock, RoundSum> work);

  /**
   * A tree of the given depth, shaped as Spark's treeAggregate shapes it: while there are many more
   * partial sums than the fan-out, groups of fan-out consecutive ones meet on executors; the driver
   * adds the last few. The driver's work is linear in the model size times that count.
   */
  static Aggregation tree(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("Aggregation.tree: depth must be >= 1, got " + depth);
    }
    return (blocks, work) -> {
      JavaPairRDD<Integer, RoundSum> level =
          blocks.mapToPair(block -> new Tuple2<>(block.partition(), work.call(block)));
      int count = blocks.getNumPartitions();
      int fanOut = fanOut(count, depth);
      int driverFanIn = driverFanIn(count, depth);
      while (count > driverFanIn) {
        count = (count + fanOut - 1) / fanOut;
        int groupSize = fanOut;
        level =
            level
                .mapToPair(part -> new Tuple2<>(part._1 / groupSize, part))
                .groupByKey(count)
                .mapValues(OrderedSum::of);
      }
      return OrderedSum.of(level.collect());
    };
  }

  private static int fanOut(int partitions, int depth) {
    return Math.max((int) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
  }

  /** How many partial sums of {@link #tree(int)} the driver adds for this many partitions. */
  static int driverFanIn(int partitions, int depth) {
    int fanOut = fanOut(partitions, depth);
    int count = partitions;
    // treeAggregate's rule: another level while it saves the driver more than it costs
    while (count > fanOut + (count + fanOut - 1) / fanOut) {
      count = (count + fanOut - 1) / fanOut;
    }
    return count;
  }

  /**
   * An AllReduce through Spark's shuffle (BigDL's design on Spark's block manager): each partition
   * cuts its flat values into as many slices as there are partitions and writes slice {@code j} for
   * owner {@code j} (reduce-scatter); each owner sums its slice over all partitions; the driver
   * gathers the summed slices, each once, and its next broadcast hands the new weights to all (the
   * all-gather, peer to peer through the block manager). The driver's work is linear in the model
   * size, whatever the partition count.
   */
  static Aggregation allReduce() {
    return (blocks, work) -> {
      int owners = blocks.getNumPartitions();
      List<Tuple2<Integer, RoundSum>> slices =
          blocks
              .flatMapToPair(
                  block -> OrderedSum.slices(block.partition(), work.call(block), owners))
              .groupByKey(owners)
              .mapValues(OrderedSum::of)
              .collect();
      return OrderedSum.concatenated(slices);
    };
  }

  /**
   * The default for rounds of {@code values} floats over {@code partitions} partitions: the tree
   * while the driver adds fewer than {@link #DRIVER_VALUES_FOR_ALL_REDUCE} values per round, the
   * AllReduce beyond (docs/spark.md: on local[2] the tree was the faster up to 4.2 million weights,
   * 8.4 million values added by the driver).
   */
  static Aggregation forRounds(long values, int partitions) {
    return prefersAllReduce(values, partitions) ? allReduce() : tree(2);
  }

  static boolean prefersAllReduce(long values, int partitions) {
    return values * driverFanIn(partitions, 2) >= DRIVER_VALUES_FOR_ALL_REDUCE;
  }

  /** Values the tree's driver would add per round from which the AllReduce is the default. */
  long DRIVER_VALUES_FOR_ALL_REDUCE = 16_000_000L;
}
