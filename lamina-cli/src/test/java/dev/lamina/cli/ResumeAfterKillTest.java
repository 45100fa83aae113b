package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.callbacks.BackupAndRestore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina train} killed with SIGKILL in the middle of training, then {@code lamina train
 * --resume DIR}, ends with the model and History of a run that was never killed, bit for bit (with
 * dropout, so the random streams matter). {@code tools/kill-resume-check} does this many times at
 * random moments.
 */
class ResumeAfterKillTest {
  private static final String[] SETTINGS = {
    "--layers",
    "128,128",
    "--dropout",
    "0.2",
    "--epochs",
    "12",
    "--patience",
    "3",
    "--batch-size",
    "64",
    "--json"
  };

  @TempDir Path dir;

  private String[] train(Path out) {
    String[] args = new String[SETTINGS.length + 3];
    args[0] = "train";
    System.arraycopy(SETTINGS, 0, args, 1, SETTINGS.length);
    args[args.length - 2] = "--out";
    args[args.length - 1] = out.toString();
    return args;
  }

  @Test
  void aKilledRunResumedEndsWithTheBitsOfOneNeverKilled() throws Exception {
    Path undisturbed = dir.resolve("undisturbed");
    CliProcess.run(dir, train(undisturbed)).assertSuccess();

    Path killed = dir.resolve("killed");
    Path backup = killed.resolve(TrainingRun.BACKUP_DIR).resolve(BackupAndRestore.FILE_NAME);
    Process process =
        CliProcess.builder(dir, train(killed))
            .redirectOutput(dir.resolve("killed.out").toFile())
            .redirectError(dir.resolve("killed.err").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(backup) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(process.isAlive(), "training ended before it could be killed");
    } finally {
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }
    assertFalse(Files.exists(killed.resolve(TrainingRun.REPORT_FILE)), "killed mid-training");

    CliProcess.run(dir, "train", "--resume", killed.toString()).assertSuccess();
    assertEquals(
        Files.readString(undisturbed.resolve(TrainingRun.HISTORY_FILE)),
        Files.readString(killed.resolve(TrainingRun.HISTORY_FILE)));
    List<Tensor> expected =
        Sequential.load(undisturbed.resolve(TrainingRun.MODEL_FILE)).getWeights();
    List<Tensor> actual = Sequential.load(killed.resolve(TrainingRun.MODEL_FILE)).getWeights();
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(
          expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), "weight " + i);
    }
    assertFalse(Files.exists(backup), "the backup is deleted once the run is complete");

    CliProcess.run(dir, "train", "--resume", killed.toString())
        .assertOneLineError(ErrorReporter.BAD_INPUT, "has finished");
    CliProcess.run(dir, "train", "--resume", killed.toString(), "--epochs", "3")
        .assertOneLineError(ErrorReporter.BAD_INPUT, "--resume takes no other options");
    CliProcess.run(dir, "train", "--resume", dir.resolve("nothing").toString())
        .assertOneLineError(ErrorReporter.BAD_INPUT, RunArguments.FILE);
  }
}
