package dev.lamina.spark;

import dev.lamina.Tensor;
import dev.lamina.cli.BadInputException;
import dev.lamina.cli.Preprocessing;
import dev.lamina.cli.Task;
import dev.lamina.cli.TrainSettings;
import dev.lamina.cli.TrainingData;
import dev.lamina.data.Column;
import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.StringColumn;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code lamina train}'s rows on Spark: {@code --data} read as a DataFrame (a CSV file, a Parquet
 * path or a table of the session's catalog), rows without a target left out, a seeded random split,
 * and the preprocessing's choices made and fitted with Spark aggregations over the whole training
 * part ({@link SparkPreprocessing}); the network is trained by {@link SparkTrainer} on the
 * preprocessed rows, which never gather on the driver. The validation rows do: the driver evaluates
 * them between rounds.
 */
final class SparkTrainingData implements TrainingData {
  /** Rows preprocessed at a time in a partition. */
  private static final int BATCH = 4096;

  /** Distinct target values looked at: enough to tell a regression from class labels. */
  private static final int MAX_TARGET_VALUES = 10_000;

  private final SparkSession spark;
  private final SparkTrainer trainer;

  SparkTrainingData(SparkSession spark, SparkTrainer trainer) {
    this.spark = spark;
    this.trainer = trainer;
  }

  @Override
  public Prepared prepare(TrainSettings settings) {
    TypedFrames.Source source = TypedFrames.read(spark, settings);
    Dataset<Row> frame = source.frame();
    String target = settings.target();
    requireColumn(frame, target, "--target", source);
    for (String column : settings.drop()) {
      requireColumn(frame, column, "--drop", source);
      if (column.equals(target)) {
        throw new BadInputException("--drop names the target column '" + column + "'");
      }
    }
    long rows = frame.count();
    Dataset<Row> labelled = frame.filter(functions.col(TypedFrames.quoted(target)).isNotNull());
    long labelledRows = labelled.count();
    if (labelledRows < 2) {
      throw new BadInputException(
          source.name()
              + ": the target column '"
              + target
              + "' has values in "
              + labelledRows
              + " rows; training needs at least 2");
    }
    Column targetValues = distinct(labelled, target, MAX_TARGET_VALUES);
    Task task = Task.resolve(settings.task(), targetValues, source.name());
    List<Dataset<Row>> parts =
        settings.validationSplit() == 0
            ? List.of(labelled, labelled.limit(0))
            : List.of(
                labelled.randomSplit(
                    new double[] {1 - settings.validationSplit(), settings.validationSplit()},
                    settings.seed()));
    Dataset<Row> train = parts.get(0).cache();
    Preprocessing preprocessing =
        Preprocessing.fit(
            summary(train, target),
            target,
            settings.drop(),
            task,
            (numeric, text) -> SparkPreprocessing.fit(train, numeric, text));
    List<Row> validRows = parts.get(1).collectAsList();
    Counts counts =
        new Counts(
            source.name(),
            rows,
            rows - labelledRows,
            frame.columns().length,
            train.count(),
            validRows.size());
    Map<String, ColumnType> columns = preprocessing.readTypes(true);
    int[] positions = positions(frame.schema(), columns);
    Table valid = RowTables.of(validRows, columns, positions);
    Tensor[] validation =
        validRows.isEmpty()
            ? null
            : new Tensor[] {preprocessing.inputs(valid), preprocessing.targets(valid)};
    return new Prepared(
        preprocessing,
        counts,
        List.of(),
        validation,
        (model, options) -> {
          List<String> features = new ArrayList<>();
          for (int c = 0; c < preprocessing.inputWidth(); c++) {
            features.add("x" + c);
          }
          Dataset<Row> inputs = preprocessed(train, preprocessing, positions, features);
          try {
            return trainer.fit(model, inputs, features, "target", options);
          } finally {
            train.unpersist();
          }
        });
  }

  private static void requireColumn(
      Dataset<Row> frame, String name, String option, TypedFrames.Source source) {
    if (!Arrays.asList(frame.columns()).contains(name)) {
      throw new BadInputException(
          option
              + ": "
              + source.name()
              + " has no column '"
              + name
              + "' (columns: "
              + String.join(", ", frame.columns())
              + ")");
    }
  }

  /**
   * For each column of {@code train}, enough of its distinct values for the preprocessing's choices
   * (see {@link Preprocessing#fit(Table, String, List, Task, Preprocessing.FeatureFitter)}): a
   * numeric column's first value, a text column's (and the target's) distinct values up to the
   * number that decides, padded with missing cells.
   */
  private static Table summary(Dataset<Row> train, String target) {
    List<Column> columns = new ArrayList<>();
    StructType schema = train.schema();
    List<org.apache.spark.sql.Column> firsts = new ArrayList<>();
    for (String name : train.columns()) {
      firsts.add(functions.first(functions.col(TypedFrames.quoted(name)), true));
    }
    Row first =
        train
            .agg(
                firsts.get(0),
                firsts.subList(1, firsts.size()).toArray(org.apache.spark.sql.Column[]::new))
            .first();
    int longest = 1;
    for (int c = 0; c < schema.fields().length; c++) {
      String name = schema.fields()[c].name();
      boolean numeric = schema.fields()[c].dataType().equals(DataTypes.DoubleType);
      Column column =
          name.equals(target)
              ? distinct(train, name, MAX_TARGET_VALUES)
              : !numeric
                  ? distinct(train, name, Preprocessing.SUMMARY_VALUES)
                  : NumericColumn.of(name, first.isNullAt(c) ? Double.NaN : first.getDouble(c));
      longest = Math.max(longest, column.size());
      columns.add(column);
    }
    List<Column> padded = new ArrayList<>();
    for (Column column : columns) {
      padded.add(padded(column, longest));
    }
    return Table.of(padded);
  }

  /** A column's distinct present values, at most {@code limit} of them. */
  private static Column distinct(Dataset<Row> frame, String name, int limit) {
    org.apache.spark.sql.Column cell = functions.col(TypedFrames.quoted(name));
    List<Row> rows =
        frame.select(cell).where(cell.isNotNull()).distinct().limit(limit).collectAsList();
    if (frame.schema().apply(name).dataType().equals(DataTypes.DoubleType)) {
      return NumericColumn.of(name, rows.stream().mapToDouble(r -> r.getDouble(0)).toArray());
    }
    return StringColumn.of(name, rows.stream().map(r -> r.getString(0)).toArray(String[]::new));
  }

  private static Column padded(Column column, int size) {
    if (column instanceof NumericColumn numbers) {
      double[] values = new double[size];
      Arrays.fill(values, Double.NaN);
      for (int r = 0; r < column.size(); r++) {
        values[r] = numbers.get(r);
      }
      return NumericColumn.of(column.name(), values);
    }
    String[] values = new String[size];
    for (int r = 0; r < column.size(); r++) {
      values[r] = column.isMissing(r) ? null : column.format(r);
    }
    return StringColumn.of(column.name(), values);
  }

  private static int[] positions(StructType schema, Map<String, ColumnType> columns) {
    return columns.keySet().stream().mapToInt(schema::fieldIndex).toArray();
  }

  /** The network's inputs {@code features} and its {@code target}, as floats, per partition. */
  private Dataset<Row> preprocessed(
      Dataset<Row> train, Preprocessing preprocessing, int[] positions, List<String> features) {
    StructType schema = new StructType();
    for (String feature : features) {
      schema = schema.add(feature, DataTypes.FloatType, false);
    }
    schema = schema.add("target", DataTypes.FloatType, false);
    Broadcast<String> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(preprocessing.toJson());
    Map<String, ColumnType> columns = new LinkedHashMap<>(preprocessing.readTypes(true));
    JavaRDD<Row> rows =
        train
            .toJavaRDD()
            .mapPartitions(
                partition -> {
                  Preprocessing local =
                      Preprocessing.fromJson(shared.value(), "broadcast preprocessing");
                  List<Row> out = new ArrayList<>();
                  List<Row> batch = new ArrayList<>(BATCH);
                  while (partition.hasNext()) {
                    batch.add(partition.next());
                    if (batch.size() == BATCH || !partition.hasNext()) {
                      Table table = RowTables.of(batch, columns, positions);
                      float[] x = local.inputs(table).toFloatArray();
                      float[] y = local.targets(table).toFloatArray();
                      int width = features.size();
                      for (int r = 0; r < batch.size(); r++) {
                        Object[] cells = new Object[width + 1];
                        for (int c = 0; c < width; c++) {
                          cells[c] = x[r * width + c];
                        }
                        cells[width] = y[r];
                        out.add(RowFactory.create(cells));
                      }
                      batch.clear();
                    }
                  }
                  return out.iterator();
                });
    return spark.createDataFrame(rows, schema);
  }
}
