package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Runs {@code lamina} as a user would: a separate JVM on this module's classpath, with the Vector
 * API module, headless, in a working folder. Output goes to files, so a chatty run never blocks.
 */
final class CliProcess {
  private static final long TIMEOUT_SECONDS = 120;

  record Outcome(int exitCode, String stdout, String stderr) {
    /** A one-line message on stderr, no stack trace, and the expected code. */
    void assertOneLineError(int code, String... mentions) {
      assertEquals(code, exitCode, () -> "exit code; stderr: " + stderr);
      List<String> lines =
          stderr.lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
      assertEquals(1, lines.size(), () -> "one line expected on stderr, got:\n" + stderr);
      assertFalse(stderr.contains("\tat "), () -> "stack trace on stderr:\n" + stderr);
      for (String mention : mentions) {
        assertTrue(
            lines.get(0).contains(mention),
            () -> "'" + mention + "' missing from: " + lines.get(0));
      }
    }

    Outcome assertSuccess() {
      assertEquals(0, exitCode, () -> "exit code; stderr:\n" + stderr);
      return this;
    }
  }

  private CliProcess() {}

  static ProcessBuilder builder(Path workDir, String... args) {
    return builderWithHeap(workDir, "1g", args);
  }

  /** A {@code lamina} JVM whose heap is at most {@code heap} (such as {@code 64m}). */
  static ProcessBuilder builderWithHeap(Path workDir, String heap, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(kernelJvmFlags());
    command.addAll(
        List.of(
            "-Djava.awt.headless=true",
            "-Xmx" + heap,
            "-cp",
            System.getProperty("java.class.path"),
            Lamina.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(workDir.toFile());
  }

  /** The Vector API module and JIT flags every test JVM of the build runs with (the root pom). */
  private static List<String> kernelJvmFlags() {
    String flags =
        Objects.requireNonNull(
            System.getProperty("lamina.kernel.jvm.flags"),
            "lamina.kernel.jvm.flags, set by the build's surefire configuration");
    return List.of(flags.trim().split("\\s+"));
  }

  static Outcome run(Path workDir, String... args) {
    return runWithHeap(workDir, "1g", args);
  }

  static Outcome runWithHeap(Path workDir, String heap, String... args) {
    try {
      Path out = Files.createTempFile(workDir, "stdout", ".txt");
      Path err = Files.createTempFile(workDir, "stderr", ".txt");
      Process process =
          builderWithHeap(workDir, heap, args)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "lamina " + String.join(" ", args) + " ran past " + TIMEOUT_SECONDS + " s");
      }
      Outcome outcome =
          new Outcome(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A course CSV, copied out of lamina-data's bundled datasets into {@code dir}. */
  static Path dataset(String name, Path dir) {
    Path file = dir.resolve(name);
    String resource = "/dev/lamina/data/datasets/" + name;
    try (InputStream plain = CliProcess.class.getResourceAsStream(resource);
        InputStream zipped = CliProcess.class.getResourceAsStream(resource + ".gz")) {
      if (plain != null) {
        Files.copy(plain, file);
      } else if (zipped != null) {
        try (InputStream unzipped = new GZIPInputStream(zipped)) {
          Files.copy(unzipped, file);
        }
      } else {
        throw new AssertionError("no bundled dataset " + name);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code csv} without the named column (the course files hold no quoted commas). */
  static Path withoutColumn(Path csv, String column, Path out) {
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      int index = List.of(lines.get(0).split(",", -1)).indexOf(column);
      assertTrue(index >= 0, () -> column + " not in " + lines.get(0));
      List<String> kept = new ArrayList<>(lines.size());
      for (String line : lines) {
        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
        cells.remove(index);
        kept.add(String.join(",", cells));
      }
      Files.write(out, kept, StandardCharsets.UTF_8);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
