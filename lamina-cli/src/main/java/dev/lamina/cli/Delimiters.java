package dev.lamina.cli;

/**
 * Guesses a CSV file's delimiter from its header line: a comma when the line has one (outside
 * quotes), else the first of semicolon, tab and bar that it has, else a comma (one column).
 */
final class Delimiters {
  private static final char[] ALTERNATIVES = {';', '\t', '|'};

  private Delimiters() {}

  static char guess(String headerLine) {
    String outside = headerLine == null ? "," : unquoted(headerLine);
    if (outside.indexOf(',') >= 0) {
      return ',';
    }
    for (char candidate : ALTERNATIVES) {
      if (outside.indexOf(candidate) >= 0) {
        return candidate;
      }
    }
    return ',';
  }

  /** The line without its double-quoted parts. */
  private static String unquoted(String line) {
    StringBuilder outside = new StringBuilder(line.length());
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        outside.append(c);
      }
    }
    return outside.toString();
  }
}
