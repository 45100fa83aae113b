package dev.lamina.spark;

import dev.lamina.DistributedTraining;
import dev.lamina.DistributedTraining.Settings;
import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.optimizers.GradientOptimizer;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains and scores Lamina models on Spark DataFrames, by synchronous data parallelism: Spark does
 * all distribution (broadcast, tasks, aggregation); the driver holds the model.
 *
 * <ul>
 *   <li>{@link #gradientAveraging()} (the default): per global batch, each partition computes the
 *       gradient summed over its share of the batch; the driver averages and applies the optimizer
 *       — the mathematics of one machine with that batch.
 *   <li>{@link #parameterAveraging(int)}: each partition takes {@code k} local steps on its own
 *       rows, then weights and optimizer slots are averaged; fewer rounds per epoch.
 * </ul>
 */
public final class SparkTrainer {
  private final SparkSession spark;
  private int localSteps;
  private int partitions;
  private Aggregation aggregation;

  public SparkTrainer(SparkSession spark) {
    this.spark = spark;
    this.partitions = spark.sparkContext().defaultParallelism();
  }

  /** Averages the gradients of every global batch (the default). */
  public SparkTrainer gradientAveraging() {
    this.localSteps = 0;
    return this;
  }

  /** Averages weights and optimizer state after every {@code localSteps} steps per partition. */
  public SparkTrainer parameterAveraging(int localSteps) {
    if (localSteps < 1) {
      throw new IllegalArgumentException(
          "SparkTrainer.parameterAveraging: localSteps must be >= 1, got " + localSteps);
    }
    this.localSteps = localSteps;
    return this;
  }

  /** How many partitions hold the training rows (default: Spark's default parallelism). */
  public SparkTrainer partitions(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "SparkTrainer.partitions: must be >= 1, got " + partitions);
    }
    this.partitions = partitions;
    return this;
  }

  /** Sums the partitions' results this way instead of the default for the model's size. */
  SparkTrainer aggregation(Aggregation aggregation) {
    this.aggregation = aggregation;
    return this;
  }

  /**
   * Trains the compiled {@code model} on the numeric {@code features} columns against the numeric
   * {@code target} column. {@code options.batchSize} is the global batch; validation data,
   * callbacks and History work as in {@code Sequential.fit}, on the driver.
   */
  public History fit(
      Sequential model,
      Dataset<Row> frame,
      List<String> features,
      String target,
      FitOptions options) {
    Settings settings = DistributedTraining.settings(options);
    if (model.inputShape() == null) {
      model.build(features.size());
    }
    if (localSteps > 0 && !(DistributedTraining.optimizer(model) instanceof GradientOptimizer)) {
      throw new IllegalArgumentException(
          "SparkTrainer.parameterAveraging: needs one of Lamina's optimizers (their state can be"
              + " averaged), got "
              + DistributedTraining.optimizer(model).name());
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<RowBlock> blocks = RowBlocks.of(frame, features, target, partitions);
    Broadcast<byte[]> modelBytes = context.broadcast(ModelBytes.of(model));
    try {
      long rows = blocks.map(RowBlock::rows).reduce(Integer::sum);
      if (rows == 0) {
        throw new IllegalArgumentException("SparkTrainer.fit: the DataFrame has no rows");
      }
      FitPlan plan =
          new FitPlan(
              UUID.randomUUID().toString(),
              modelBytes,
              settings.batchSize(),
              partitions,
              rows,
              settings.shuffle(),
              DistributedTraining.seed(model),
              localSteps);
      Aggregation sums =
          aggregation != null ? aggregation : Aggregation.forRounds(roundValues(model), partitions);
      return new DistributedFit(context, model, settings, sums).run(blocks, plan);
    } finally {
      blocks.unpersist(false);
      modelBytes.destroy();
    }
  }

  /** Floats each partition sends per round: gradients, or weights with Adam's two slots. */
  private long roundValues(Sequential model) {
    long weights =
        DistributedTraining.trainableArrays(model).stream().mapToLong(a -> a.length).sum();
    return localSteps == 0 ? weights : 3 * weights;
  }

  /**
   * The DataFrame with an {@code outputColumn} added: the model's output for the row's features (a
   * double, or an array of doubles when the model has several outputs), in batches per partition.
   * Every input column is kept, in order.
   */
  public Dataset<Row> predict(
      Sequential model, Dataset<Row> frame, List<String> features, String outputColumn) {
    if (model.inputShape() == null) {
      model.build(features.size());
    }
    int width = Math.toIntExact(model.outputShape()[model.outputShape().length - 1]);
    DataType type =
        width == 1 ? DataTypes.DoubleType : DataTypes.createArrayType(DataTypes.DoubleType, false);
    StructType schema = frame.schema().add(outputColumn, type, false);
    int[] featureIndexes = features.stream().mapToInt(frame.schema()::fieldIndex).toArray();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> modelBytes = context.broadcast(ModelBytes.of(model));
    JavaRDD<Row> scored =
        frame
            .toJavaRDD()
            .mapPartitions(
                rows ->
                    new BatchScorer(
                        rows,
                        ModelBytes.load(modelBytes.value()),
                        new NumericFeatures(featureIndexes)));
    return spark.createDataFrame(scored, schema);
  }

  /** Scores from numeric feature columns: one double, or an array of them, per row. */
  private record NumericFeatures(int[] columns)
      implements BatchScorer.Outputs, java.io.Serializable {
    @Override
    public Tensor inputs(List<Row> rows) {
      float[] x = new float[rows.size() * columns.length];
      for (int i = 0; i < rows.size(); i++) {
        for (int c = 0; c < columns.length; c++) {
          Object cell = rows.get(i).get(columns[c]);
          if (!(cell instanceof Number number)) {
            throw new IllegalArgumentException(
                "SparkTrainer.predict: feature column "
                    + rows.get(i).schema().fieldNames()[columns[c]]
                    + " holds "
                    + cell
                    + "; scoring needs numbers");
          }
          x[i * columns.length + c] = number.floatValue();
        }
      }
      return Tensor.of(x, rows.size(), columns.length);
    }

    @Override
    public Object[] appended(float[] outputs, int row, int width) {
      if (width == 1) {
        return new Object[] {(double) outputs[row]};
      }
      double[] values = new double[width];
      for (int c = 0; c < width; c++) {
        values[c] = outputs[row * width + c];
      }
      return new Object[] {values};
    }
  }
}
