package dev.lamina.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams each epoch's logs to a CSV file, flushed every epoch, as Keras's CSVLogger: an {@code
 * epoch} column (0-based) then the sorted keys of the first epoch, plus a {@code val_} twin of
 * every key when the first epoch had no validation values; absent values are {@code NA}.
 */
public final class CsvLogger implements Callback {
  private final Path file;
  private String separator = ",";
  private boolean append;
  private List<String> keys;
  private boolean headerNeeded;
  private BufferedWriter writer;

  public CsvLogger(Path file) {
    this.file = file;
  }

  public CsvLogger separator(String separator) {
    this.separator = separator;
    return this;
  }

  public CsvLogger append(boolean append) {
    this.append = append;
    return this;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    keys = null;
    try {
      headerNeeded = !append || !Files.exists(file) || Files.size(file) == 0;
      writer =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("CsvLogger: cannot open " + file, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try {
      if (keys == null) {
        keys = columnsFor(logs);
        if (headerNeeded) {
          writer.write("epoch" + separator + String.join(separator, keys));
          writer.newLine();
        }
      }
      StringBuilder row = new StringBuilder().append(epoch);
      for (String key : keys) {
        Double value = logs.get(key);
        row.append(separator).append(value == null ? "NA" : LogValues.format(value));
      }
      writer.write(row.toString());
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("CsvLogger: cannot write " + file, e);
    }
  }

  private static List<String> columnsFor(Map<String, Double> logs) {
    List<String> columns = new ArrayList<>(logs.keySet().stream().sorted().toList());
    if (columns.stream().noneMatch(k -> k.startsWith("val_"))) {
      columns.addAll(columns.stream().map(k -> "val_" + k).toList());
    }
    return columns;
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("CsvLogger: cannot close " + file, e);
    }
  }
}
