package dev.lamina.data;

/**
 * CSV input that cannot be read as a table: the message names the source (file name or "stream"),
 * the line, the column and what was wrong there.
 */
public final class CsvFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final int column;

  /**
   * @param line 1-based line number in the input, counting the header
   * @param column 1-based column number, or 0 when the problem concerns the whole line or file
   */
  public CsvFormatException(String source, long line, int column, String problem) {
    this(source, line, column, problem, null);
  }

  public CsvFormatException(String source, long line, int column, String problem, Throwable cause) {
    super(
        source + ", line " + line + (column > 0 ? ", column " + column : "") + ": " + problem,
        cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The file name, or "stream" for input without one. */
  public String source() {
    return source;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }

  /** The 1-based column number, or 0 when the whole line or file is at fault. */
  public int column() {
    return column;
  }
}
