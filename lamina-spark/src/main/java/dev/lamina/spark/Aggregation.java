package dev.lamina.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;

/** How the partitions' results of a round reach the driver, summed. */
interface Aggregation {

  RoundSum run(JavaRDD<RowBlock> blocks, Function<RowBlock, RoundSum> work);

  /** Spark's treeAggregate: partial sums meet in a tree of the given depth, then the driver. */
  static Aggregation tree(int depth) {
    return (blocks, work) ->
        blocks.map(work).treeAggregate(RoundSum.empty(), RoundSum::add, RoundSum::add, depth);
  }
}
