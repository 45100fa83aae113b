package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects found by using the command line as a hostile user would: each ends in exit code 2 and
 * one line naming the file, line and column or the option, before any training starts.
 */
class HostileInputTest {
  @TempDir Path dir;

  private Path rows;

  /** 60 rows {@code a,b,y} with y = a + b, and a model trained on them. */
  @BeforeEach
  void writeRows() throws IOException {
    List<String> lines = new ArrayList<>(List.of("a,b,y"));
    for (int i = 0; i < 60; i++) {
      lines.add((i % 7) + "," + (i % 5) * 0.5 + "," + ((i % 7) + (i % 5) * 0.5));
    }
    rows = dir.resolve("rows.csv");
    Files.write(rows, lines, StandardCharsets.UTF_8);
  }

  private Path withLine(String name, int line, String text) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(rows));
    lines.set(line - 1, text);
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** Trains a tiny network into run/; {@code more} options may replace its layers. */
  private CliProcess.Outcome train(Path csv, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                csv.toString(),
                "--target",
                "y",
                "--epochs",
                "1",
                "--out",
                "run"));
    args.addAll(List.of(more));
    if (!args.contains("--layers")) {
      args.addAll(List.of("--layers", "4"));
    }
    return CliProcess.run(dir, args.toArray(String[]::new));
  }

  @Test
  void infiniteCellsAreRefusedByEveryCommandOrReadAsMissingWhenAsked() throws IOException {
    Path inf = withLine("inf.csv", 12, "inf,1,2");
    Path negative = withLine("neg.csv", 13, "1,-Infinity,2");
    Path overflow = withLine("big.csv", 14, "1,1e400,2");
    train(inf).assertOneLineError(2, "inf.csv, line 12, column 1", "\"inf\"", "--infinite");
    train(negative).assertOneLineError(2, "neg.csv, line 13, column 2", "\"-Infinity\"");
    train(overflow).assertOneLineError(2, "big.csv, line 14, column 2", "\"1e400\"");

    train(rows).assertSuccess();
    CliProcess.run(dir, "predict", "--model", "run/model.lamina", "--data", overflow.toString())
        .assertOneLineError(2, "big.csv, line 14, column 2");
    CliProcess.run(dir, "evaluate", "--model", "run/model.lamina", "--data", inf.toString())
        .assertOneLineError(2, "inf.csv, line 12, column 1");
    train(overflow, "--infinite", "missing").assertSuccess();
  }

  @Test
  void aFiniteCellTooLargeForTheNetworkIsRefusedAtPredictNotWrittenAsNaN() throws IOException {
    train(rows).assertSuccess();
    Path huge = withLine("huge.csv", 5, "1e300,1,2");
    CliProcess.run(
            dir,
            "predict",
            "--model",
            "run/model.lamina",
            "--data",
            huge.toString(),
            "--out",
            "p.csv")
        .assertOneLineError(2, "huge.csv, data row 4", "'num__a'");
    assertFalse(Files.exists(dir.resolve("p.csv")));
    CliProcess.run(dir, "evaluate", "--model", "run/model.lamina", "--data", huge.toString())
        .assertOneLineError(2, "huge.csv, data row 4");
  }

  @Test
  void aSingleClassTargetIsRefusedBeforeTraining() throws IOException {
    List<String> lines = new ArrayList<>(List.of("a,y"));
    for (int i = 0; i < 20; i++) {
      lines.add(i + ",yes");
    }
    Path single = dir.resolve("single.csv");
    Files.write(single, lines);
    CliProcess.Outcome inferred = train(single);
    inferred.assertOneLineError(2, "single.csv", "'y'", "one class only ([yes])");
    assertFalse(inferred.stdout().contains("Epoch"), inferred.stdout());
    train(single, "--task", "binary").assertOneLineError(2, "one class only");
  }

  @Test
  void binaryOnASixValuedTargetIsRefusedBeforeTraining() throws IOException {
    List<String> lines = new ArrayList<>(List.of("a,y"));
    for (int i = 0; i < 30; i++) {
      lines.add(i + "," + (i % 6));
    }
    Path six = dir.resolve("six.csv");
    Files.write(six, lines);
    CliProcess.Outcome outcome = train(six, "--task", "binary");
    outcome.assertOneLineError(
        2, "--task binary", "exactly 2", "6: [0, 1, 2, 3, 4, 5]", "--task multiclass");
    assertFalse(outcome.stdout().contains("Epoch"), outcome.stdout());
  }

  @Test
  void layersTooLargeForMemoryOrOutOfRangeNameTheOption() {
    train(rows, "--layers", "30000,30000")
        .assertOneLineError(2, "--layers 30000,30000", "900,", "GB", "-Xmx");
    train(rows, "--layers", "2000000000")
        .assertOneLineError(2, "--layers", "[1, 1000000]", "2000000000");
    train(rows, "--layers", "99999999999").assertOneLineError(2, "--layers", "[1, 1000000]");
  }

  @Test
  void aStrayTextCellInANumericColumnIsReportedAtTrain() throws IOException {
    Path stray = withLine("stray.csv", 31, "1,oops,2");
    CliProcess.Outcome outcome = train(stray).assertSuccess();
    assertTrue(
        outcome
            .stderr()
            .contains(
                "lamina train: warning: stray.csv, line 31, column 2: "
                    + "column 'b' is numeric but the cell holds \"oops\"; so 'b' is read as text"),
        outcome.stderr());
  }

  @Test
  void semicolonFilesAreReadAndOtherDelimitersCanBeGiven() throws IOException {
    Path semicolons = dir.resolve("semi.csv");
    Files.write(
        semicolons, Files.readAllLines(rows).stream().map(line -> line.replace(',', ';')).toList());
    train(semicolons).assertSuccess();
    Path bars = dir.resolve("bars.csv");
    Files.write(
        bars, Files.readAllLines(rows).stream().map(line -> line.replace(',', '#')).toList());
    train(bars).assertOneLineError(2, "--target", "'y'");
    train(bars, "--delimiter", "#").assertSuccess();
    train(rows, "--delimiter", ";;").assertOneLineError(2, "--delimiter", "';;'");
    Path ragged = withLine("ragged.csv", 9, "1;2;3");
    train(ragged, "--delimiter", ",")
        .assertOneLineError(2, "ragged.csv, line 9", "delimiter used is ','");
  }

  @Test
  void latin1FilesAreRefusedAtTheirLineOrReadWithTheirEncoding() throws IOException {
    List<String> lines = new ArrayList<>(List.of("city,a,y"));
    for (int i = 0; i < 40; i++) {
      lines.add((i % 2 == 0 ? "Zürich" : "Genève") + "," + i + "," + (i % 3));
    }
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, lines, StandardCharsets.ISO_8859_1);
    train(latin).assertOneLineError(2, "latin.csv, line 2", "0xFC", "--encoding");
    train(latin, "--encoding", "ISO-8859-1").assertSuccess();
    CliProcess.run(dir, "summary", "--model", "run/model.lamina").assertSuccess();
    train(latin, "--encoding", "klingon").assertOneLineError(2, "--encoding", "'klingon'");
    CliProcess.Outcome summary = CliProcess.run(dir, "summary", "--model", "run/model.lamina");
    assertTrue(summary.stdout().contains("city"), summary.stdout());
  }

  @Test
  void temporaryFilesOfAKilledRunAreCleanedUpByTheNextRun() throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Path leftover = run.resolve(".model.lamina." + UUID.randomUUID() + ".tmp");
    Path leftoverReport = run.resolve(".report.html." + UUID.randomUUID() + ".tmp");
    Path someoneElses = run.resolve(".model.lamina.notes.tmp");
    for (Path file : List.of(leftover, leftoverReport, someoneElses)) {
      Files.writeString(file, "half-written");
    }
    train(rows).assertSuccess();
    assertFalse(Files.exists(leftover));
    assertFalse(Files.exists(leftoverReport));
    assertTrue(Files.exists(someoneElses), "a file not named as AtomicFile names its own");
    try (var files = Files.list(run)) {
      assertEquals(
          List.of(
              ".model.lamina.notes.tmp",
              "history.csv",
              "learning-curves.png",
              "model.lamina",
              "report.html",
              RunArguments.FILE),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aLossThatBecomesNaNInTheFirstEpochStopsTrainingAndSavesNoModel() throws IOException {
    CliProcess.Outcome first =
        train(rows, "--optimizer", "sgd", "--lr", "1e30", "--loss", "mse", "--batch-size", "4");
    assertEquals(2, first.exitCode(), first.stderr());
    assertTrue(
        first
                .stderr()
                .contains("lamina train: the loss became NaN or infinite at epoch 1," + " batch ")
            && first.stderr().contains("no model was saved"),
        first.stderr());
    assertFalse(Files.exists(dir.resolve("run/model.lamina")));
  }

  /**
   * SGD a little past its stable learning rate diverges slowly: the loss overflows in epoch 9,
   * after epoch 4's checkpoint (the best validation loss). The run fails naming that epoch, and
   * model.lamina is a whole model with the checkpoint's weights, whose predictions are finite.
   */
  @Test
  void aLossThatBecomesNaNAfterGoodEpochsKeepsTheLastGoodCheckpoint() throws IOException {
    java.util.Random random = new java.util.Random(1);
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 200; i++) {
      double x = random.nextGaussian();
      csv.append(
          String.format(
              java.util.Locale.ROOT, "%.4f,%.4f%n", x, 3 * x + 0.1 * random.nextGaussian()));
    }
    Path data = dir.resolve("linear.csv");
    Files.writeString(data, csv);
    CliProcess.Outcome run =
        CliProcess.run(
            dir,
            "train",
            "--data",
            data.toString(),
            "--target",
            "y",
            "--optimizer",
            "sgd",
            "--loss",
            "mse",
            "--lr",
            "0.28",
            "--layers",
            "4",
            "--activation",
            "linear",
            "--batch-size",
            "16",
            "--epochs",
            "60",
            "--patience",
            "100",
            "--out",
            "run");
    assertEquals(2, run.exitCode(), run.stderr());
    assertTrue(
        run.stderr().contains("the loss became NaN or infinite at epoch ")
            && !run.stderr().contains("at epoch 1,")
            && run.stderr().contains("its model.lamina the weights of the last good checkpoint"),
        run.stderr());
    List<String> history = Files.readAllLines(dir.resolve("run/history.csv"));
    assertTrue(
        history.get(history.size() - 1).contains("inf")
            || history.get(history.size() - 1).contains("nan"),
        history.toString());
    CliProcess.run(
            dir,
            "predict",
            "--model",
            "run/model.lamina",
            "--data",
            data.toString(),
            "--out",
            "predictions.csv")
        .assertSuccess();
    List<String> predictions = Files.readAllLines(dir.resolve("predictions.csv"));
    assertEquals(201, predictions.size());
    for (String value : predictions.subList(1, predictions.size())) {
      assertTrue(Float.isFinite(Float.parseFloat(value)), value);
    }
  }
}
