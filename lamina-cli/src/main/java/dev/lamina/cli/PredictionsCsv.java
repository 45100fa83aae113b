package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.files.AtomicFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Network outputs as a CSV file: {@code prediction} for a regression; {@code prediction} (the
 * label) and {@code probability} (of that label) for classification. Numbers are written in
 * Java's shortest round-trip form, so a reader gets the exact float32 back.
 */
final class PredictionsCsv {
  private PredictionsCsv() {}

  static void write(Tensor outputs, Preprocessing preprocessing, Path file) {
    float[] values = outputs.toFloatArray();
    int width = outputs.shape()[1];
    int rows = outputs.shape()[0];
    Task task = preprocessing.task();
    StringBuilder csv = new StringBuilder(task.isClassification()
        ? "prediction,probability\n" : "prediction\n");
    for (int row = 0; row < rows; row++) {
      Prediction p = Prediction.of(values, width, row, task, preprocessing.classes());
      if (p.label() != null) {
        csv.append(quoted(p.label())).append(',');
      }
      csv.append(p.value()).append('\n');
    }
    try {
      AtomicFile.deleteLeftovers(file);
      AtomicFile.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      throw new BadInputException("--out " + file + ": " + e.getMessage(), e);
    }
  }

  /** A label quoted when it holds a comma, quote or line break (RFC 4180). */
  private static String quoted(String label) {
    if (label.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return label;
    }
    return '"' + label.replace("\"", "\"\"") + '"';
  }
}
