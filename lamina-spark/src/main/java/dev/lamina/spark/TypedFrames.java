package dev.lamina.spark;

import dev.lamina.cli.BadInputException;
import dev.lamina.cli.TrainSettings;
import dev.lamina.cli.TrainingData;
import dev.lamina.data.Column;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code lamina train --spark}'s {@code --data} as a DataFrame whose columns are typed as
 * lamina-data types them: numbers as doubles, everything else as strings, a missing cell as null. A
 * CSV file is read as text and a column is numeric when every cell that is not a missing marker
 * reads as a number (as lamina-data's reader decides); a Parquet path or a table of Spark's catalog
 * keeps its schema's numeric columns.
 */
final class TypedFrames {
  private TypedFrames() {}

  /** The rows and a name for them in messages. */
  record Source(Dataset<Row> frame, String name) {}

  static Source read(SparkSession spark, TrainSettings settings) {
    if (settings.data() == null) {
      return new Source(of(spark, TrainingData.bundledData()), TrainingData.BUNDLED_NAME);
    }
    String name = settings.data().toString();
    Path path = settings.data();
    if (Files.isDirectory(path) || name.endsWith(".parquet")) {
      return new Source(typed(spark.read().parquet(name)), name);
    }
    if (Files.isRegularFile(path)) {
      return new Source(csv(spark, settings, name), name);
    }
    if (spark.catalog().tableExists(name)) {
      return new Source(typed(spark.table(name)), "table " + name);
    }
    throw new BadInputException(
        "--data: "
            + name
            + " is neither a file, a Parquet folder nor a "
            + "table in Spark's catalog");
  }

  private static Dataset<Row> csv(SparkSession spark, TrainSettings settings, String file) {
    String header = spark.read().textFile(file).first();
    CsvOptions options = settings.csvOptions(header);
    Dataset<Row> text =
        spark
            .read()
            .option("header", "true")
            .option("sep", String.valueOf(options.delimiter()))
            .option("quote", String.valueOf(options.quote()))
            .option("escape", String.valueOf(options.quote()))
            .option("encoding", options.encoding().name())
            .option("mode", "FAILFAST")
            .csv(file);
    List<org.apache.spark.sql.Column> cells = new ArrayList<>();
    for (String c : text.columns()) {
      org.apache.spark.sql.Column cell = functions.col(quoted(c));
      cells.add(
          functions
              .when(cell.isin(options.missingMarkers().toArray()), null)
              .otherwise(cell)
              .as(c));
    }
    Dataset<Row> present = text.select(cells.toArray(org.apache.spark.sql.Column[]::new));
    List<org.apache.spark.sql.Column> checks = new ArrayList<>();
    for (String c : present.columns()) {
      org.apache.spark.sql.Column cell = functions.col(quoted(c));
      checks.add(
          functions.sum(
              functions
                  .when(cell.isNotNull().and(cell.try_cast(DataTypes.DoubleType).isNull()), 1)
                  .otherwise(0)));
      org.apache.spark.sql.Column number = cell.try_cast(DataTypes.DoubleType);
      checks.add(
          functions.sum(
              functions
                  .when(
                      functions
                          .isnan(number)
                          .or(functions.abs(number).equalTo(Double.POSITIVE_INFINITY)),
                      1)
                  .otherwise(0)));
    }
    Row counts =
        present
            .agg(
                checks.get(0),
                checks.subList(1, checks.size()).toArray(org.apache.spark.sql.Column[]::new))
            .first();
    List<org.apache.spark.sql.Column> typed = new ArrayList<>();
    String[] names = present.columns();
    for (int c = 0; c < names.length; c++) {
      org.apache.spark.sql.Column cell = functions.col(quoted(names[c]));
      boolean numeric = counts.isNullAt(2 * c) || counts.getLong(2 * c) == 0;
      if (!numeric) {
        typed.add(cell.as(names[c]));
        continue;
      }
      org.apache.spark.sql.Column number = cell.try_cast(DataTypes.DoubleType);
      long nonFinite = counts.isNullAt(2 * c + 1) ? 0 : counts.getLong(2 * c + 1);
      if (nonFinite > 0 && options.nonFinite() != CsvOptions.NonFinite.MISSING) {
        throw new BadInputException(
            file
                + ", column '"
                + names[c]
                + "': "
                + nonFinite
                + " cells are not finite numbers (inf, NaN or beyond 1.8e308); "
                + "--infinite missing reads them as missing values");
      }
      typed.add(
          functions
              .when(
                  functions
                      .isnan(number)
                      .or(functions.abs(number).equalTo(Double.POSITIVE_INFINITY)),
                  null)
              .otherwise(number)
              .as(names[c]));
    }
    return present.select(typed.toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Numeric columns as doubles, every other column as text. */
  private static Dataset<Row> typed(Dataset<Row> frame) {
    List<org.apache.spark.sql.Column> typed = new ArrayList<>();
    for (StructField field : frame.schema().fields()) {
      org.apache.spark.sql.Column cell = functions.col(quoted(field.name()));
      typed.add(
          (field.dataType() instanceof NumericType
                  ? cell.cast(DataTypes.DoubleType)
                  : cell.cast(DataTypes.StringType))
              .as(field.name()));
    }
    return frame.select(typed.toArray(org.apache.spark.sql.Column[]::new));
  }

  /** A lamina-data table as a typed DataFrame. */
  static Dataset<Row> of(SparkSession spark, Table table) {
    StructType schema = new StructType();
    for (Column column : table.columns()) {
      schema =
          schema.add(
              column.name(),
              column instanceof NumericColumn ? DataTypes.DoubleType : DataTypes.StringType,
              true);
    }
    List<Row> rows = new ArrayList<>(table.rowCount());
    for (int r = 0; r < table.rowCount(); r++) {
      Object[] cells = new Object[table.columnCount()];
      for (int c = 0; c < cells.length; c++) {
        Column column = table.columns().get(c);
        cells[c] =
            column.isMissing(r)
                ? null
                : column instanceof NumericColumn numbers
                    ? (Object) numbers.get(r)
                    : column.format(r);
      }
      rows.add(RowFactory.create(cells));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** A column name as Spark's parser reads it, dots and spaces included. */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
