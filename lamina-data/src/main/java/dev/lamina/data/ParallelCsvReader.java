package dev.lamina.data;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads a mid-sized plain CSV file on several cores: the bytes are cut at line ends that lie
 * outside quoted fields (an even number of quote characters before them), each part is parsed on
 * its own (a few parts per core, so a core slowed by other work does not hold up the rest), and the
 * parts' cells become columns together, so types and errors are the same as in one pass (the
 * earliest error of the file is the one reported).
 */
final class ParallelCsvReader {
  private static final long MIN_BYTES = 4L << 20;
  private static final long MAX_BYTES = 1L << 30;
  private static final int MAX_PARTS = 32;
  private static final int PARTS_PER_CORE = 4;
  private static final long MIN_PART_BYTES = 1L << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private ParallelCsvReader() {}

  /** The table, or null when the file is small, compressed, huge or has unbalanced quotes. */
  static Table readOrNull(Path file, CsvOptions options) throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    long size = Files.size(file);
    int parts =
        (int)
            Math.min(
                Math.min(cores * PARTS_PER_CORE, MAX_PARTS), Math.max(1, size / MIN_PART_BYTES));
    if (cores < 2
        || parts < 2
        || size < MIN_BYTES
        || size > MAX_BYTES
        || options.quote() > 127
        || options.delimiter() > 127
        || !options.isUtf8()) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    if ((bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return null;
    }
    Utf8Check.requireValid(bytes, file.getFileName().toString());
    long[] starts = starts(bytes, parts, (byte) options.quote(), (byte) options.delimiter());
    if (starts == null) {
      return null;
    }
    String source = file.getFileName().toString();
    int count = starts.length - 1;
    CsvChunkReader first =
        new CsvChunkReader(part(bytes, starts, 0), source, options, null, () -> 0);
    List<String> names = first.columnNames();
    CellCollector[] collected = new CellCollector[count];
    RuntimeException[] failures = new RuntimeException[count];
    IntStream.range(0, count)
        .parallel()
        .forEach(
            i -> {
              try {
                CsvChunkReader reader =
                    i == 0
                        ? first
                        : new CsvChunkReader(
                            part(bytes, starts, i),
                            source,
                            options,
                            names,
                            () -> lineFeeds(bytes, (int) starts[i]));
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
    return CellColumns.toTable(
        names, options.columnTypes(), List.of(collected), source, options.nonFinite());
  }

  /** Part {@code index} decoded at once, which is faster than a decoding reader. */
  private static String part(byte[] bytes, long[] starts, int index) {
    int from = (int) starts[index];
    boolean byteOrderMark =
        from == 0
            && bytes.length >= 3
            && (bytes[0] & 0xff) == 0xef
            && (bytes[1] & 0xff) == 0xbb
            && (bytes[2] & 0xff) == 0xbf;
    int start = byteOrderMark ? 3 : from;
    return new String(bytes, start, (int) starts[index + 1] - start, StandardCharsets.UTF_8);
  }

  /**
   * Where the parts start, and the end of the file; null when the quotes do not balance or the file
   * gives one part only. A part starts after a line feed preceded by an even number of quote
   * characters, so never inside a quoted field.
   */
  private static long[] starts(byte[] bytes, int parts, byte quote, byte delimiter) {
    boolean hasQuotes = count(bytes, 0, bytes.length, quote) > 0;
    if (hasQuotes && !quotesOnlyWrapFields(bytes, quote, delimiter)) {
      return null;
    }
    List<Long> starts = new ArrayList<>(List.of(0L));
    long quotes = 0;
    int position = 0;
    for (int part = 1; part < parts; part++) {
      int target = Math.max(position, (int) ((long) bytes.length * part / parts));
      quotes += count(bytes, position, target, quote);
      position = target;
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
    quotes += count(bytes, position, bytes.length, quote);
    if ((quotes & 1) == 1 || starts.size() < 2) {
      return null;
    }
    starts.add((long) bytes.length);
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Whether every quote character opens a field, closes it or is doubled inside it, so that quote
   * parity tells exactly which line ends lie inside quoted fields. A stray quote in the middle of
   * an unquoted field (which the parser keeps as a literal) would break that count, so such files
   * are read in one pass instead.
   */
  private static boolean quotesOnlyWrapFields(byte[] bytes, byte quote, byte delimiter) {
    final int fieldStart = 0;
    final int unquoted = 1;
    final int quoted = 2;
    final int quoteInQuoted = 3;
    int state = fieldStart;
    for (byte b : bytes) {
      boolean fieldEnd = b == delimiter || b == '\n' || b == '\r';
      switch (state) {
        case fieldStart -> state = b == quote ? quoted : fieldEnd ? fieldStart : unquoted;
        case unquoted -> {
          if (b == quote) {
            return false;
          }
          state = fieldEnd ? fieldStart : unquoted;
        }
        case quoted -> state = b == quote ? quoteInQuoted : quoted;
        default -> {
          if (b != quote && !fieldEnd) {
            return false;
          }
          state = b == quote ? quoted : fieldStart;
        }
      }
    }
    return state != quoted;
  }

  /** The number of lines before {@code end}, counted only when an error needs it. */
  private static long lineFeeds(byte[] bytes, int end) {
    return count(bytes, 0, end, (byte) '\n');
  }

  /**
   * How often {@code value} occurs in {@code bytes[from, to)}, eight bytes at a time: after an
   * exclusive or with the value repeated, a byte is zero exactly where it matched, and the classic
   * zero-byte test sets its high bit.
   */
  static long count(byte[] bytes, int from, int to, byte value) {
    long repeated = (value & 0xffL) * 0x0101010101010101L;
    long low7 = 0x7f7f7f7f7f7f7f7fL;
    long count = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ repeated;
      count += Long.bitCount(~(((x & low7) + low7) | x | low7));
    }
    for (; i < to; i++) {
      if (bytes[i] == value) {
        count++;
      }
    }
    return count;
  }
}
