package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded by the shuffle buffer, not the file: a JVM limited to a 16 MB heap
 * streams a generated CSV of about 230 MB (ten times the heap) through CsvBatchSource.
 */
class StreamingMemoryTest {
  private static final long ROWS = 12_000_000;
  private static final String HEAP = "16m";

  @Test
  void streamsACsvTenTimesLargerThanTheHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx" + HEAP,
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        StreamingMemoryCheck.class.getName(), Long.toString(ROWS)))
        .redirectErrorStream(true).start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child JVM finished");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    Matcher report = Pattern.compile(
        "rows=(\\d+) bytes=(\\d+) targetSum=(\\d+) maxHeap=(\\d+)").matcher(output);
    assertTrue(report.find(), output);
    assertEquals(ROWS, Long.parseLong(report.group(1)));
    assertEquals(ROWS / 2, Long.parseLong(report.group(3)), "every target once");
    long bytes = Long.parseLong(report.group(2));
    long heap = Long.parseLong(report.group(4));
    assertTrue(bytes > 10 * heap, bytes + " bytes streamed with a heap of " + heap);
  }
}
