package dev.lamina.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF) as they pass, counting lines, so that a file in another encoding fails at the
 * line where it first shows instead of being read with replacement characters. A byte sequence may
 * be split across calls.
 */
final class Utf8Check {
  private int remaining;
  private int low = 0x80;
  private int high = 0xbf;
  private long line = 1;
  private long lineStart;
  private long position;
  private long leadPosition;
  private int lead;

  /** Checks a whole input held in memory. */
  static void requireValid(byte[] bytes, String source) {
    Utf8Check check = new Utf8Check();
    try {
      check.feed(bytes, 0, bytes.length);
      check.end();
    } catch (InvalidUtf8Exception invalid) {
      throw invalid.toFormatException(source);
    }
  }

  void feed(byte[] bytes, int offset, int length) throws InvalidUtf8Exception {
    for (int i = offset; i < offset + length; i++, position++) {
      int b = bytes[i] & 0xff;
      if (remaining == 0) {
        if (b < 0x80) {
          if (b == '\n') {
            line++;
            lineStart = position + 1;
          }
          continue;
        }
        start(b);
      } else {
        if (b < low || b > high) {
          throw invalid(lead, leadPosition);
        }
        remaining--;
        low = 0x80;
        high = 0xbf;
      }
    }
  }

  /** Fails when the input ended inside a multi-byte sequence. */
  void end() throws InvalidUtf8Exception {
    if (remaining > 0) {
      throw new InvalidUtf8Exception(line, leadPosition - lineStart + 1, -1);
    }
  }

  /** The first byte of a multi-byte sequence: how many follow and the range of the next. */
  private void start(int b) throws InvalidUtf8Exception {
    lead = b;
    leadPosition = position;
    if (b >= 0xc2 && b <= 0xdf) {
      remaining = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      remaining = 2;
      low = b == 0xe0 ? 0xa0 : 0x80;
      high = b == 0xed ? 0x9f : 0xbf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      remaining = 3;
      low = b == 0xf0 ? 0x90 : 0x80;
      high = b == 0xf4 ? 0x8f : 0xbf;
    } else {
      throw invalid(b, position);
    }
  }

  /** The sequence starting with {@code b} at {@code at} is not UTF-8. */
  private InvalidUtf8Exception invalid(int b, long at) {
    return new InvalidUtf8Exception(line, at - lineStart + 1, b);
  }

  /** Where the input stopped being UTF-8. */
  static final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final long byteInLine;
    private final int value;

    InvalidUtf8Exception(long line, long byteInLine, int value) {
      super("not UTF-8 at line " + line + ", byte " + byteInLine);
      this.line = line;
      this.byteInLine = byteInLine;
      this.value = value;
    }

    CsvFormatException toFormatException(String source) {
      String what =
          value < 0
              ? "the input ends inside a multi-byte character"
              : String.format("byte %d of the line (0x%02X) is not UTF-8", byteInLine, value);
      return new CsvFormatException(
          source,
          line,
          0,
          what + "; if the file is Latin-1 or " + "Windows-1252, read it with that encoding",
          this);
    }
  }

  /** A stream that checks what is read through it. */
  static final class CheckedStream extends FilterInputStream {
    private final Utf8Check check = new Utf8Check();

    CheckedStream(InputStream input) {
      super(input);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = super.read(buffer, offset, length);
      if (count < 0) {
        check.end();
      } else {
        check.feed(buffer, offset, count);
      }
      return count;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new IOException("skipping would leave bytes unchecked");
    }
  }
}
