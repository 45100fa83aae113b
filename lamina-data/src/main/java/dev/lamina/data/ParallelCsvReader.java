package dev.lamina.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    long[] starts = starts(bytes, parts, (byte) options.quote());
    if (starts == null) {
      return null;
    }
    String source = file.getFileName().toString();
    int count = starts.length - 1;
    CsvChunkReader first = new CsvChunkReader(part(bytes, starts, 0), source, options, null,
        () -> 0);
    List<String> names = first.columnNames();
    CellCollector[] collected = new CellCollector[count];
    RuntimeException[] failures = new RuntimeException[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      try {
        CsvChunkReader reader = i == 0 ? first : new CsvChunkReader(part(bytes, starts, i),
            source, options, names, () -> lineFeeds(bytes, (int) starts[i]));
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
    return CellColumns.toTable(names, options.columnTypes(), List.of(collected), source);
  }

  /** Part {@code index} decoded at once, which is faster than a decoding reader. */
  private static String part(byte[] bytes, long[] starts, int index) {
    int from = (int) starts[index];
    boolean byteOrderMark = from == 0 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    int start = byteOrderMark ? 3 : from;
    return new String(bytes, start, (int) starts[index + 1] - start, StandardCharsets.UTF_8);
  }

  /**
   * Where the parts start, and the end of the file; null when the quotes do not balance or
   * the file gives one part only. A part starts after a line feed preceded by an even number of
   * quote characters, so never inside a quoted field.
   */
  private static long[] starts(byte[] bytes, int parts, byte quote) {
    List<Long> starts = new ArrayList<>(List.of(0L));
    long quotes = 0;
    int position = 0;
    for (int part = 1; part < parts; part++) {
      int target = (int) ((long) bytes.length * part / parts);
      for (; position < target; position++) {
        if (bytes[position] == quote) {
          quotes++;
        }
      }
      for (; position < bytes.length; position++) {
        byte b = bytes[position];
        if (b == quote) {
          quotes++;
        } else if (b == '\n' && (quotes & 1) == 0) {
          break;
        }
      }
      if (position + 1 >= bytes.length) {
        break;
      }
      starts.add((long) ++position);
    }
    for (; position < bytes.length; position++) {
      if (bytes[position] == quote) {
        quotes++;
      }
    }
    if ((quotes & 1) == 1 || starts.size() < 2) {
      return null;
    }
    starts.add((long) bytes.length);
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  /** The number of lines before {@code end}, counted only when an error needs it. */
  private static long lineFeeds(byte[] bytes, int end) {
    long count = 0;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }
}
