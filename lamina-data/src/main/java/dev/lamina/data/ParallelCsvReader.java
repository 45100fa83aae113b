package dev.lamina.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads a mid-sized plain CSV file on several cores: the bytes are cut at line ends that lie
 * outside quoted fields (an even number of quote characters before them), each part is parsed
 * on its own, and the parts' cells become columns together, so types and errors are the same
 * as in one pass (the earliest error of the file is the one reported).
 */
final class ParallelCsvReader {
  private static final long MIN_BYTES = 4L << 20;
  private static final long MAX_BYTES = 1L << 30;
  private static final int MAX_PARTS = 8;

  private ParallelCsvReader() {}

  /** The table, or null when the file is small, compressed, huge or has unbalanced quotes. */
  static Table readOrNull(Path file, CsvOptions options) throws IOException {
    int parts = Math.min(Runtime.getRuntime().availableProcessors(), MAX_PARTS);
    long size = Files.size(file);
    if (parts < 2 || size < MIN_BYTES || size > MAX_BYTES || options.quote() > 127) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    if ((bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return null;
    }
    long[][] cuts = cuts(bytes, parts, (byte) options.quote());
    if (cuts == null) {
      return null;
    }
    String source = file.getFileName().toString();
    int count = cuts[0].length - 1;
    CsvChunkReader first = new CsvChunkReader(part(bytes, cuts[0], 0), source, options);
    List<String> names = first.columnNames();
    CellCollector[] collected = new CellCollector[count];
    RuntimeException[] failures = new RuntimeException[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      try {
        CsvChunkReader reader = i == 0 ? first
            : new CsvChunkReader(part(bytes, cuts[0], i), source, options, names, cuts[1][i]);
        collected[i] = reader.fill(Integer.MAX_VALUE);
      } catch (RuntimeException failure) {
        failures[i] = failure;
      }
    });
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    Map<String, ColumnType> types = options.columnTypes();
    return CellColumns.toTable(names, types, List.of(collected), source);
  }

  private static ByteArrayInputStream part(byte[] bytes, long[] starts, int index) {
    int from = (int) starts[index];
    return new ByteArrayInputStream(bytes, from, (int) starts[index + 1] - from);
  }

  /**
   * Part starts (and the end) in {@code [0]}, and in {@code [1]} the number of line feeds
   * before each start; null when the quotes do not balance or the file gives one part only.
   */
  private static long[][] cuts(byte[] bytes, int parts, byte quote) {
    List<Long> starts = new ArrayList<>(List.of(0L));
    List<Long> lineFeeds = new ArrayList<>(List.of(0L));
    boolean quoted = false;
    long lines = 0;
    long nextTarget = bytes.length / parts;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == quote) {
        quoted = !quoted;
      } else if (b == '\n') {
        lines++;
        if (!quoted && i >= nextTarget && i + 1 < bytes.length) {
          starts.add((long) i + 1);
          lineFeeds.add(lines);
          nextTarget = (long) bytes.length * starts.size() / parts;
        }
      }
    }
    if (quoted || starts.size() < 2) {
      return null;
    }
    starts.add((long) bytes.length);
    return new long[][] {
      starts.stream().mapToLong(Long::longValue).toArray(),
      lineFeeds.stream().mapToLong(Long::longValue).toArray()
    };
  }
}
