package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.ColumnType;
import dev.lamina.data.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Predictions of a network without preprocessing (a Keras file): the CSV's numeric columns, in file
 * order or as {@code --columns} names them, are the network's inputs as they stand.
 */
final class NetworkInputs {
  private NetworkInputs() {}

  static Tensor predict(Sequential network, Table table, List<String> columns, Path data) {
    List<String> chosen = columns != null ? columns : numericColumns(table);
    for (String name : chosen) {
      DataFiles.requireColumn(table, name, "--columns");
      if (table.column(name).type() != ColumnType.NUMERIC) {
        throw new BadInputException(
            "--columns: column '" + name + "' of " + data + " is not numeric");
      }
    }
    int[] shape = network.inputShape();
    int width = 1;
    for (int dim : shape) {
      width *= dim;
    }
    if (chosen.size() != width) {
      throw new BadInputException(
          "--data "
              + data
              + ": the network takes "
              + width
              + " inputs per row, got "
              + chosen.size()
              + " columns "
              + chosen
              + (columns == null ? " (every numeric column; choose with --columns a,b,c)" : ""));
    }
    Tensor x = table.select(chosen.toArray(String[]::new)).toTensor();
    int[] batch = new int[shape.length + 1];
    batch[0] = table.rowCount();
    System.arraycopy(shape, 0, batch, 1, shape.length);
    return network.predict(x.reshape(batch), 256);
  }

  private static List<String> numericColumns(Table table) {
    List<String> numeric = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (table.column(name).type() == ColumnType.NUMERIC) {
        numeric.add(name);
      }
    }
    return numeric;
  }

  /** One row per input row: {@code prediction}, or {@code prediction_0 …} for several outputs. */
  static void writePredictions(Tensor outputs, Path file) {
    float[][] rows = outputs.reshape(outputs.shape()[0], -1).toArray2d();
    int width = rows.length == 0 ? 1 : rows[0].length;
    StringBuilder csv = new StringBuilder();
    for (int j = 0; j < width; j++) {
      csv.append(j == 0 ? "" : ",").append(width == 1 ? "prediction" : "prediction_" + j);
    }
    csv.append('\n');
    for (float[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        csv.append(j == 0 ? "" : ",").append(row[j]);
      }
      csv.append('\n');
    }
    try {
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
