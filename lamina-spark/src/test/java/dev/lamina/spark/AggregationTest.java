package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AggregationTest {
  static final int LENGTH = 1001; // not a multiple of the slice count
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("aggregation");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static JavaRDD<RowBlock> blocks(int partitions) {
    List<RowBlock> blocks = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      blocks.add(new RowBlock(p, 0, 1, new float[0], new float[0]));
    }
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(blocks, partitions);
  }

  /** Values of mixed signs and magnitudes, so the order of additions shows in the rounding. */
  static float[] values(int partition) {
    java.util.Random random = new java.util.Random(100 + partition);
    float[] v = new float[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      v[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
    }
    return v;
  }

  static final Function<RowBlock, RoundSum> WORK =
      block -> {
        RoundSum sum = RoundSum.empty();
        sum.values = values(block.partition());
        sum.lossSum = block.partition() + 0.5;
        sum.rows = 10L + block.partition();
        sum.steps = 1;
        sum.contributors = 1;
        sum.predictions.add(new float[] {block.partition()});
        sum.targets.add(new float[] {-block.partition()});
        return sum;
      };

  @Test
  void allReduceSumsAsTheTreeDoes() {
    for (int partitions : new int[] {1, 3, 4, 16}) {
      RoundSum tree = Aggregation.tree(2).run(blocks(partitions), WORK);
      RoundSum all = Aggregation.allReduce().run(blocks(partitions), WORK);
      assertEquals(tree.rows, all.rows);
      assertEquals(tree.lossSum, all.lossSum);
      assertEquals(partitions, all.contributors);
      assertEquals(tree.predictions.size(), all.predictions.size());
      // both add the partitions in order; the tree groups them first once there are many
      double[] exact = new double[LENGTH];
      double[] magnitude = new double[LENGTH];
      for (int p = 0; p < partitions; p++) {
        float[] v = values(p);
        for (int i = 0; i < LENGTH; i++) {
          exact[i] += v[i];
          magnitude[i] += Math.abs(v[i]);
        }
      }
      for (int i = 0; i < LENGTH; i++) {
        // the textbook bound on a float sum of n terms in any order: (n−1)·u·Σ|v|
        double bound = (partitions - 1) * 0x1p-24 * magnitude[i] * 1.0001;
        assertTrue(Math.abs(all.values[i] - exact[i]) <= bound, "all-reduce value " + i);
        assertTrue(Math.abs(tree.values[i] - exact[i]) <= bound, "tree value " + i);
      }
      if (partitions <= 4) { // no intermediate level: the same additions in the same order
        assertArrayEquals(tree.values, all.values, partitions + " partitions");
      }
    }
  }

  @Test
  void theDefaultIsTheTreeUntilTheDriverWouldAddTooMuch() {
    assertEquals(4, Aggregation.driverFanIn(4, 2));
    assertEquals(4, Aggregation.driverFanIn(16, 2));
    assertEquals(10, Aggregation.driverFanIn(100, 2));
    assertFalse(Aggregation.prefersAllReduce(4_200_000, 2)); // measured: the tree is faster
    assertTrue(Aggregation.prefersAllReduce(4_200_000, 100));
  }

  @Test
  void aRoundsSumRepeatsItselfBitForBit() {
    for (Aggregation aggregation : List.of(Aggregation.tree(2), Aggregation.allReduce())) {
      float[] first = aggregation.run(blocks(16), WORK).values;
      for (int run = 0; run < 3; run++) {
        assertArrayEquals(first, aggregation.run(blocks(16), WORK).values);
      }
    }
  }
}
