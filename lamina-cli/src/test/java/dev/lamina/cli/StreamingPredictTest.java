package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina predict} streams: it reads, predicts and writes a file in chunks, so a file whose
 * rows would not fit in the heap as a table is predicted in a small heap, and an error in a later
 * chunk still names the row of the file.
 */
class StreamingPredictTest {
  @TempDir Path dir;

  @Test
  void aFileLargerThanTheHeapIsPredictedInBoundedMemory() throws IOException {
    Path model = trainedModel();
    // 1.5 million rows: ~36 MB of doubles as a table, plus the inputs, outputs and text written,
    // where the heap holds 48 MB in all
    int rows = 1_500_000;
    Path csv = rows(dir.resolve("big.csv"), rows, -1);
    Path out = dir.resolve("predictions.csv");
    CliProcess.runWithHeap(
            dir,
            "48m",
            "predict",
            "--model",
            model.toString(),
            "--data",
            csv.toString(),
            "--out",
            out.toString())
        .assertSuccess();
    long lines;
    try (var all = Files.lines(out)) {
      lines = all.count();
    }
    assertEquals(rows + 1, lines);
    // the first rows' predictions equal those of a file holding only them
    Path small = rows(dir.resolve("small.csv"), 1000, -1);
    Path smallOut = dir.resolve("small-predictions.csv");
    CliProcess.run(
            dir,
            "predict",
            "--model",
            model.toString(),
            "--data",
            small.toString(),
            "--out",
            smallOut.toString())
        .assertSuccess();
    try (var all = Files.lines(out)) {
      assertEquals(Files.readAllLines(smallOut), all.limit(1001).toList());
    }
  }

  @Test
  void aBadCellInALaterChunkNamesItsRowInTheFile() throws IOException {
    Path model = trainedModel();
    int bad = PredictCommand.CHUNK_ROWS + 1234;
    Path csv = rows(dir.resolve("bad.csv"), PredictCommand.CHUNK_ROWS * 2, bad);
    CliProcess.run(
            dir,
            "predict",
            "--model",
            model.toString(),
            "--data",
            csv.toString(),
            "--out",
            dir.resolve("p.csv").toString())
        .assertOneLineError(ErrorReporter.BAD_INPUT, "data row " + bad + ":");
  }

  private Path trainedModel() throws IOException {
    Path train = rows(dir.resolve("train.csv"), 500, -1);
    List<String> lines = Files.readAllLines(train);
    StringBuilder labelled = new StringBuilder(lines.get(0) + ",y\n");
    for (int i = 1; i < lines.size(); i++) {
      labelled.append(lines.get(i)).append(',').append(i % 7).append('\n');
    }
    Files.writeString(train, labelled);
    Path run = dir.resolve("run");
    assertEquals(
        0,
        Lamina.run(
            "train",
            "--data",
            train.toString(),
            "--target",
            "y",
            "--task",
            "regression",
            "--layers",
            "4",
            "--epochs",
            "1",
            "--out",
            run.toString(),
            "--json"));
    return run.resolve("model.lamina");
  }

  /** Rows of three numbers; data row {@code bad} (1-based) holds a value beyond float32. */
  private static Path rows(Path file, int rows, int bad) throws IOException {
    Random random = new Random(5);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("a,b,c\n");
      for (int r = 1; r <= rows; r++) {
        out.write(
            String.format(
                Locale.ROOT,
                "%.3f,%.3f,%d%n",
                random.nextDouble() * 10,
                r == bad ? 1e300 : random.nextDouble() - 0.5,
                random.nextInt(100)));
      }
    }
    return file;
  }
}
