package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random byte damage to a saved model, fed to {@code lamina predict}: the command either works (the
 * byte was zip padding) or exits 2 with one line, never 1, a stack trace or an OutOfMemoryError.
 * Each try starts a JVM, so the tries are few.
 */
class ModelFileMutationProperties {
  private static Path dir;
  private static Path features;
  private static byte[] model;

  @BeforeContainer
  static void train() throws IOException {
    dir = Files.createTempDirectory("lamina-mutation");
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
    model = Files.readAllBytes(dir.resolve("run/model.lamina"));
    features = CliProcess.withoutColumn(csv, "CompressiveStrength", dir.resolve("features.csv"));
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Property(tries = 16, seed = "20261129")
  void damagedFilesAreRefusedCleanly(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double position,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    byte[] damaged = model.clone();
    damaged[(int) (position * damaged.length)] ^= (byte) flip;
    Path file = dir.resolve("damaged.lamina");
    try {
      Files.write(file, damaged);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CliProcess.Outcome outcome =
        CliProcess.run(
            dir,
            "predict",
            "--model",
            file.toString(),
            "--data",
            features.toString(),
            "--out",
            "p.csv");
    if (outcome.exitCode() != 0) {
      outcome.assertOneLineError(2, file.toString());
    }
    assertFalse(outcome.stderr().contains("OutOfMemoryError"), outcome.stderr());
    assertTrue(outcome.exitCode() == 0 || outcome.exitCode() == 2, outcome.stderr());
  }
}
