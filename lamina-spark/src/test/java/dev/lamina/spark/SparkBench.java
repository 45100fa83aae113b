package dev.lamina.spark;

import dev.lamina.FitOptions;
import dev.lamina.Sequential;
import dev.lamina.callbacks.Callback;
import dev.lamina.layers.Dense;
import dev.lamina.optimizers.Adam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The measurements behind docs/spark.md, run by tools/spark-bench (a program, not a test): {@code
 * rounds} times a compute-free round (broadcast, tasks, aggregation) per aggregation and model
 * size; {@code scaling} times one epoch of each mode on a synthetic 28-column binary task generated
 * here, in Spark; {@code redwine} trains the course's lesson-4 red-wine task with parameter
 * averaging.
 */
final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master(args[0])
            .appName("lamina-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      if (args[1].equals("rounds")) {
        rounds(spark, Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray());
      } else if (args[1].equals("redwine")) {
        redWine(spark, Integer.parseInt(args[2]));
      } else {
        scaling(spark, Long.parseLong(args[2]));
      }
    } finally {
      spark.stop();
    }
  }

  /** Milliseconds per round that moves {@code weights} floats each way and computes nothing. */
  static void rounds(SparkSession spark, int[] sizes) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = context.defaultParallelism();
    List<RowBlock> empty = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      empty.add(new RowBlock(p, 0, 1, new float[0], new float[0]));
    }
    JavaRDD<RowBlock> blocks = context.parallelize(empty, partitions).cache();
    blocks.count();
    for (int weights : sizes) {
      for (String name : List.of("tree", "allReduce")) {
        Aggregation aggregation =
            name.equals("tree") ? Aggregation.tree(2) : Aggregation.allReduce();
        double[] ms = new double[25];
        for (int round = 0; round < ms.length; round++) {
          long start = System.nanoTime();
          Broadcast<float[]> shared = context.broadcast(new float[weights]);
          RoundSum sum =
              aggregation.run(
                  blocks,
                  block -> {
                    RoundSum part = RoundSum.empty();
                    part.values = shared.value().clone();
                    part.rows = 1;
                    return part;
                  });
          shared.destroy();
          if (sum.values.length != weights) {
            throw new IllegalStateException("lost values: " + sum.values.length);
          }
          ms[round] = (System.nanoTime() - start) / 1e6;
        }
        double[] timed = Arrays.copyOfRange(ms, 5, ms.length);
        Arrays.sort(timed);
        System.out.printf(
            Locale.ROOT,
            "rounds %s P=%d weights=%d first=%.1f ms median=%.1f ms" + " min=%.1f ms%n",
            name,
            partitions,
            weights,
            ms[0],
            timed[timed.length / 2],
            timed[0]);
      }
    }
  }

  /**
   * The course's lesson 4 on Spark: red wine split 70/30 (seed 4, as the example), every column
   * min-max scaled with the training part's range, 3 × 512 relu, Adam 1e-3, MAE, batch 256, early
   * stopping (min_delta 0.001, patience 20, best weights); parameter averaging every {@code
   * localSteps} steps on the session's partitions. Prints the best validation MAE.
   */
  static void redWine(SparkSession spark, int localSteps) {
    dev.lamina.data.TableSplit split = dev.lamina.data.Datasets.redWine().split(0.7, 4);
    dev.lamina.data.MinMaxScaler scaler = new dev.lamina.data.MinMaxScaler().fit(split.train());
    dev.lamina.data.Table train = scaler.transform(split.train());
    dev.lamina.data.Table valid = scaler.transform(split.valid());
    List<String> names = train.drop("quality").columnNames();
    Sequential model =
        new Sequential(
                new Dense(512, "relu").inputShape(names.size()),
                new Dense(512, "relu"),
                new Dense(512, "relu"),
                new Dense(1))
            .seed(4);
    model.compile(new Adam(1e-3), dev.lamina.losses.Losses.get("mae"));
    Dataset<Row> frame = SparkTrainerTest.frame(spark, train.toTensor(), train.columnNames());
    long start = System.nanoTime();
    dev.lamina.History history =
        new SparkTrainer(spark)
            .parameterAveraging(localSteps)
            .fit(
                model,
                frame,
                names,
                "quality",
                new FitOptions()
                    .batchSize(256)
                    .epochs(500)
                    .verbose(0)
                    .validationData(
                        valid.drop("quality").toTensor(), valid.select("quality").toTensor())
                    .callbacks(
                        new dev.lamina.callbacks.EarlyStopping()
                            .minDelta(0.001)
                            .patience(20)
                            .restoreBestWeights(true)));
    double[] val = history.get("val_loss");
    System.out.printf(
        Locale.ROOT,
        "redwine P=%d k=%d: best val MAE %.4f at epoch %d of %d," + " %.0f s%n",
        spark.sparkContext().defaultParallelism(),
        localSteps,
        Arrays.stream(val).min().orElseThrow(),
        argMin(val) + 1,
        val.length,
        (System.nanoTime() - start) / 1e9);
  }

  private static int argMin(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] < values[best] ? i : best;
    }
    return best;
  }

  /** One epoch of each mode on {@code rows} synthetic rows of 28 features and a 0/1 target. */
  static void scaling(SparkSession spark, long rows) {
    List<String> names = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    Column score = functions.lit(0.0);
    for (int c = 0; c < 28; c++) {
      names.add("f" + c);
      Column feature = functions.randn(1000 + c);
      columns.add(feature.as("f" + c));
    }
    Dataset<Row> raw = spark.range(rows).select(columns.toArray(new Column[0]));
    for (int c = 0; c < 28; c++) {
      Column f = functions.col("f" + c);
      score = score.plus(c % 3 == 0 ? f.multiply(f).minus(1) : f.multiply((c % 5) - 2));
    }
    Dataset<Row> frame =
        raw.withColumn("target", functions.when(score.gt(0), 1.0).otherwise(0.0)).cache();
    frame.count();
    int partitions = spark.sparkContext().defaultParallelism();
    for (int mode = 0; mode < 2; mode++) {
      Sequential model =
          new Sequential(
                  new Dense(64, "relu").inputShape(28),
                  new Dense(64, "relu"),
                  new Dense(1, "sigmoid"))
              .seed(1);
      model.compile(
          new Adam(1e-3), dev.lamina.losses.Losses.get("binary_crossentropy"), "accuracy");
      SparkTrainer trainer = new SparkTrainer(spark).partitions(partitions);
      int batch = mode == 0 ? 2048 : 256;
      int localSteps = 32;
      long perRound =
          mode == 0
              ? batch
              : (long) partitions * ((batch + partitions - 1) / partitions) * localSteps;
      if (mode == 1) {
        trainer.parameterAveraging(localSteps);
      }
      EpochTimer timer = new EpochTimer();
      long start = System.nanoTime();
      trainer.fit(
          model,
          frame,
          names,
          "target",
          new FitOptions().batchSize(batch).epochs(1).verbose(0).callbacks(timer));
      double total = (System.nanoTime() - start) / 1e9;
      long roundsPerEpoch = (rows + perRound - 1) / perRound;
      System.out.printf(
          Locale.ROOT,
          "scaling %s P=%d rows=%d batch=%d%s: fit %.1f s, epoch %.1f s,"
              + " %d rounds, %.1f ms/round, %.0f rows/s, accuracy %.3f%n",
          mode == 0 ? "gradient-averaging" : "parameter-averaging",
          partitions,
          rows,
          batch,
          mode == 0 ? "" : " k=" + localSteps,
          total,
          timer.seconds,
          roundsPerEpoch,
          timer.seconds * 1000 / roundsPerEpoch,
          rows / timer.seconds,
          timer.accuracy);
    }
  }

  private static final class EpochTimer implements Callback {
    long began;
    double seconds;
    double accuracy;

    @Override
    public void onEpochBegin(int epoch) {
      began = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      seconds = (System.nanoTime() - began) / 1e9;
      accuracy = logs.getOrDefault("accuracy", Double.NaN);
    }
  }
}
