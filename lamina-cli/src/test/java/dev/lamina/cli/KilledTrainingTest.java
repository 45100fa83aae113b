package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing {@code lamina train} (SIGKILL) while ModelCheckpoint rewrites model.lamina after each
 * improving epoch never leaves a damaged file: what is on disk loads, or nothing is there.
 */
class KilledTrainingTest {
  private static final int TRIALS = 5;

  @TempDir Path dir;

  @Test
  void killedRunsLeaveALoadableModelOrNone() throws Exception {
    Random random = new Random(20261129);
    int killedWithFile = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Path out = dir.resolve("run" + trial);
      Path model = out.resolve("model.lamina");
      Process process =
          CliProcess.builder(
                  dir,
                  "train",
                  "--layers",
                  "512,512,512",
                  "--epochs",
                  "500",
                  "--patience",
                  "500",
                  "--out",
                  out.toString())
              .redirectOutput(dir.resolve("stdout" + trial).toFile())
              .redirectError(dir.resolve("stderr" + trial).toFile())
              .start();
      try {
        // once checkpoints are being written, kill at a random moment among them
        waitFor(model, process);
        Thread.sleep(random.nextInt(1500));
        if (Files.exists(model)) {
          killedWithFile++;
        }
      } finally {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
      }
      if (Files.exists(model)) {
        assertDoesNotThrow(() -> Sequential.load(model), "trial " + trial);
      }
    }
    assertTrue(
        killedWithFile >= TRIALS - 1,
        "the kills came after checkpoints began in " + killedWithFile + " of " + TRIALS);
  }

  private static void waitFor(Path model, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(model) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(process.isAlive(), "training ended before it could be killed");
  }
}
