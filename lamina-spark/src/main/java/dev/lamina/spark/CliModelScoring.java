package dev.lamina.spark;

import dev.lamina.Tensor;
import dev.lamina.cli.CliModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a DataFrame with a model file written by {@code lamina train} (network and preprocessing):
 * every input column kept, {@code prediction} (and {@code probability} for a classifier) added,
 * with the values {@code lamina predict} writes for the same rows. Each batch of a partition's rows
 * is read as CSV text with the CLI's own reader, so cells parse exactly as they do from a file.
 */
public final class CliModelScoring {
  private CliModelScoring() {}

  public static Dataset<Row> score(SparkSession spark, Path modelFile, Dataset<Row> frame) {
    CliModel model = CliModel.load(modelFile);
    StructType schema = frame.schema();
    boolean classifier = model.outputColumns().size() == 2;
    schema =
        classifier
            ? schema
                .add("prediction", DataTypes.StringType, false)
                .add("probability", DataTypes.FloatType, false)
            : schema.add("prediction", DataTypes.FloatType, false);
    List<String> inputs = model.inputColumns();
    int[] columns = inputs.stream().mapToInt(frame.schema()::fieldIndex).toArray();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(modelFile);
    } catch (IOException e) {
      throw new UncheckedIOException("CliModelScoring: cannot read " + modelFile, e);
    }
    Broadcast<byte[]> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
    CsvCells cells = new CsvCells(inputs, columns);
    JavaRDD<Row> scored =
        frame
            .toJavaRDD()
            .mapPartitions(
                rows -> {
                  CliModel local = ModelBytes.load(shared.value(), CliModel::load);
                  return new BatchScorer(
                      rows,
                      local.network(),
                      new BatchScorer.Outputs() {
                        @Override
                        public Tensor inputs(List<Row> batch) {
                          return local.inputs(
                              new ByteArrayInputStream(cells.csv(batch)), "partition rows");
                        }

                        @Override
                        public Object[] appended(float[] outputs, int row, int width) {
                          return local.prediction(outputs, width, row);
                        }
                      });
                });
    return spark.createDataFrame(scored, schema);
  }

  /** A batch of rows' input cells as CSV text with a header, missing cells left empty. */
  private record CsvCells(List<String> names, int[] columns) implements Serializable {
    byte[] csv(List<Row> rows) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < names.size(); c++) {
        text.append(c == 0 ? "" : ",").append(quoted(names.get(c)));
      }
      text.append('\n');
      for (Row row : rows) {
        for (int c = 0; c < columns.length; c++) {
          if (c > 0) {
            text.append(',');
          }
          if (!row.isNullAt(columns[c])) {
            text.append(quoted(String.valueOf(row.get(columns[c]))));
          }
        }
        text.append('\n');
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String cell) {
      if (cell.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
        return cell;
      }
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
  }
}
