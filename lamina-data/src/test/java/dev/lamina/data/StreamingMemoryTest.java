package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded by the shuffle buffer, not the file: a JVM limited to a 16 MB heap streams a
 * generated CSV of about 230 MB (ten times the heap) through CsvBatchSource, and {@code
 * Sequential.fit} trains one epoch on about 190 MB of it.
 */
class StreamingMemoryTest {
  private static final long ROWS = 12_000_000;
  private static final long TRAIN_ROWS = 10_000_000;
  private static final String HEAP = "16m";

  @Test
  void streamsACsvTenTimesLargerThanTheHeap() throws IOException, InterruptedException {
    String output = runWithSmallHeap(StreamingMemoryCheck.class, ROWS);
    Matcher report =
        Pattern.compile("rows=(\\d+) bytes=(\\d+) targetSum=(\\d+) maxHeap=(\\d+)").matcher(output);
    assertTrue(report.find(), output);
    assertEquals(ROWS, Long.parseLong(report.group(1)));
    assertEquals(ROWS / 2, Long.parseLong(report.group(3)), "every target once");
    long bytes = Long.parseLong(report.group(2));
    long heap = Long.parseLong(report.group(4));
    assertTrue(bytes > 10 * heap, bytes + " bytes streamed with a heap of " + heap);
  }

  @Test
  void fitTrainsOnACsvTenTimesLargerThanTheHeap() throws IOException, InterruptedException {
    String output = runWithSmallHeap(StreamingTrainCheck.class, TRAIN_ROWS);
    Matcher report =
        Pattern.compile("loss=([-0-9.Ee]+) bytes=(\\d+) maxHeap=(\\d+)").matcher(output);
    assertTrue(report.find(), output);
    double loss = Double.parseDouble(report.group(1));
    assertTrue(
        loss >= 0 && loss < 0.5,
        "trained: an untrained model's error is about 1.2, "
            + "predicting 0.5 everywhere gives 0.25; got "
            + loss);
    long bytes = Long.parseLong(report.group(2));
    long heap = Long.parseLong(report.group(3));
    assertTrue(bytes > 10 * heap, bytes + " bytes trained on with a heap of " + heap);
  }

  /** Runs {@code main} of {@code check} in a JVM limited to {@link #HEAP}; returns its output. */
  private static String runWithSmallHeap(Class<?> check, long rows)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(List.of(java.toString(), "-Xmx" + HEAP, "-XX:+UseSerialGC"));
    // the Vector API module and JIT flags of every test JVM (the root pom)
    command.addAll(
        List.of(
            Objects.requireNonNull(
                    System.getProperty("lamina.kernel.jvm.flags"),
                    "lamina.kernel.jvm.flags, set by the build's surefire configuration")
                .trim()
                .split("\\s+")));
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), check.getName(), Long.toString(rows)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child JVM finished");
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
