package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a user makes: exit code 2 and one line naming the option, file or column. */
class BadArgumentsTest {
  @TempDir Path dir;

  @Test
  void unknownOption() {
    CliProcess.run(dir, "train", "--epoch", "3").assertOneLineError(2, "lamina train", "--epoch");
  }

  @Test
  void anArgumentStartingWithAnAtSignIsAnArgumentNotAFile() {
    // picocli's argument files would read "/" and fail with a stack trace (ArgumentsFuzzTest)
    CliProcess.run(dir, "@/").assertOneLineError(2, "@/");
    Path csv = CliProcess.dataset("concrete.csv", dir);
    CliProcess.run(dir, "train", "--data", csv.toString(), "--target", "@/")
        .assertOneLineError(2, "--target", "no column named '@/'");
  }

  @Test
  void negativeLearningRate() {
    CliProcess.run(dir, "train", "--lr", "-1").assertOneLineError(2, "--lr must be > 0, got -1");
  }

  @Test
  void dropoutOutOfRange() {
    CliProcess.run(dir, "train", "--dropout", "1.5")
        .assertOneLineError(2, "--dropout must be in [0, 1), got 1.5");
  }

  @Test
  void otherRangesAndNames() {
    CliProcess.run(dir, "train", "--validation-split", "1")
        .assertOneLineError(2, "--validation-split must be in [0, 1), got 1");
    CliProcess.run(dir, "train", "--layers", "64,,8").assertOneLineError(2, "--layers");
    CliProcess.run(dir, "train", "--task", "ranking").assertOneLineError(2, "--task");
    CliProcess.run(dir, "train", "--epochs", "1", "--activation", "relux")
        .assertOneLineError(2, "--activation", "relux");
  }

  @Test
  void missingTargetColumnNamesCloseMatches() {
    Path csv = CliProcess.dataset("ion.csv", dir);
    CliProcess.run(dir, "train", "--data", csv.toString(), "--target", "class")
        .assertOneLineError(2, "--target", "'class'", "close matches: Class");
  }

  @Test
  void missingInputColumnAtPredictNamesIt() {
    Path csv = CliProcess.dataset("concrete.csv", dir);
    CliProcess.run(
            dir,
            "train",
            "--data",
            csv.toString(),
            "--target",
            "CompressiveStrength",
            "--layers",
            "4",
            "--epochs",
            "1",
            "--out",
            "run")
        .assertSuccess();
    Path partial = CliProcess.withoutColumn(csv, "Age", dir.resolve("partial.csv"));
    CliProcess.run(dir, "predict", "--model", "run/model.lamina", "--data", partial.toString())
        .assertOneLineError(2, "partial.csv", "'Age'");
  }

  @Test
  void droppedColumnsNeedNotBeThereAtPredict() {
    Path csv = CliProcess.dataset("concrete.csv", dir);
    CliProcess.run(
            dir,
            "train",
            "--data",
            csv.toString(),
            "--target",
            "CompressiveStrength",
            "--drop",
            "Age",
            "--layers",
            "4",
            "--epochs",
            "1",
            "--out",
            "run")
        .assertSuccess();
    Path partial = CliProcess.withoutColumn(csv, "Age", dir.resolve("partial.csv"));
    CliProcess.run(
            dir,
            "predict",
            "--model",
            "run/model.lamina",
            "--data",
            partial.toString(),
            "--out",
            "p.csv")
        .assertSuccess();
  }

  @Test
  void dropNamesAnUnknownColumnOrTheTarget() {
    Path csv = CliProcess.dataset("concrete.csv", dir);
    CliProcess.run(
            dir,
            "train",
            "--data",
            csv.toString(),
            "--target",
            "CompressiveStrength",
            "--drop",
            "age")
        .assertOneLineError(2, "--drop", "'age'", "Age");
    CliProcess.run(
            dir,
            "train",
            "--data",
            csv.toString(),
            "--target",
            "CompressiveStrength",
            "--drop",
            "CompressiveStrength")
        .assertOneLineError(2, "--drop", "target");
  }

  @Test
  void malformedCsvNamesFileLineAndColumn() throws IOException {
    Path csv = dir.resolve("broken.csv");
    Files.writeString(csv, "a,b,y\n1,2,3\n4,5,6\n7,\"8,9\n");
    CliProcess.run(dir, "train", "--data", csv.toString(), "--target", "y")
        .assertOneLineError(2, "broken.csv", "line 4");
  }

  @Test
  void tooFewRows() throws IOException {
    Path few = dir.resolve("few.csv");
    Files.writeString(few, "a,y\n1,\n2,\n3,1\n");
    CliProcess.run(dir, "train", "--data", few.toString(), "--target", "y")
        .assertOneLineError(2, "few.csv", "'y'", "in 1 rows");
  }

  @Test
  void missingDataFile() {
    CliProcess.run(dir, "train", "--data", "nope.csv", "--target", "y")
        .assertOneLineError(2, "nope.csv", "no such file");
  }

  @Test
  void stackTraceOnlyWithVerbose() {
    CliProcess.Outcome outcome =
        CliProcess.run(dir, "train", "--data", "nope.csv", "--target", "y", "--verbose");
    assertTrue(outcome.exitCode() == 2 && outcome.stderr().contains("\tat "), outcome.stderr());
  }
}
