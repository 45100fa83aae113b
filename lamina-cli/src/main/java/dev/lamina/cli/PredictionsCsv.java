package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.files.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Network outputs as a CSV file: {@code prediction} for a regression; {@code prediction} (the
 * label) and {@code probability} (of that label) for classification. Numbers are written in Java's
 * shortest round-trip form, so a reader gets the exact float32 back.
 */
final class PredictionsCsv {
  private PredictionsCsv() {}

  static void write(Tensor outputs, Preprocessing preprocessing, Path file) {
    write(preprocessing, file, sink -> sink.accept(outputs));
  }

  /** What hands the network's outputs, batch after batch in row order, to a sink. */
  @FunctionalInterface
  interface Outputs {
    void each(Consumer<Tensor> sink);
  }

  /**
   * Writes the predictions of every batch of {@code outputs} as it comes, so that memory does not
   * grow with the rows; the file appears, atomically, once the last batch is written. Returns the
   * number of rows.
   */
  static long write(Preprocessing preprocessing, Path file, Outputs outputs) {
    Task task = preprocessing.task();
    long[] rows = {0};
    try {
      AtomicFile.deleteLeftovers(file);
      AtomicFile.write(
          file,
          stream -> {
            Writer csv =
                new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            csv.write(task.isClassification() ? "prediction,probability\n" : "prediction\n");
            outputs.each(
                batch -> {
                  float[] values = batch.toFloatArray();
                  int width = batch.shape()[1];
                  try {
                    for (int row = 0; row < batch.shape()[0]; row++) {
                      Prediction p =
                          Prediction.of(values, width, row, task, preprocessing.classes());
                      if (p.label() != null) {
                        csv.write(quoted(p.label()));
                        csv.write(',');
                      }
                      csv.write(String.valueOf(p.value()));
                      csv.write('\n');
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  rows[0] += batch.shape()[0];
                });
            csv.flush();
          });
    } catch (UncheckedIOException e) {
      throw new BadInputException("--out " + file + ": " + e.getMessage(), e);
    }
    return rows[0];
  }

  /** A label quoted when it holds a comma, quote or line break (RFC 4180). */
  private static String quoted(String label) {
    if (label.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return label;
    }
    return '"' + label.replace("\"", "\"\"") + '"';
  }
}
