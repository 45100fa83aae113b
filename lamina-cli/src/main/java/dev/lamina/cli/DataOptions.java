package dev.lamina.cli;

import dev.lamina.data.CsvOptions;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.Option;

/**
 * How a command reads its {@code --data} CSV: the delimiter (found from the header line unless
 * given), the encoding and what an infinite number in a cell becomes. Shared by train, evaluate and
 * predict.
 */
public final class DataOptions {
  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description =
          "Field separator: one character, or 'tab'; default: found from the header "
              + "line (',' unless the header has none but has ';', tab or '|').")
  String delimiter;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description =
          "The file's character set, e.g. ISO-8859-1 or windows-1252 "
              + "(default: ${DEFAULT-VALUE}, checked).")
  String encoding = "UTF-8";

  @Option(
      names = "--infinite",
      paramLabel = "refuse|missing",
      description =
          "An infinite number in a cell (inf, -Infinity, 1e400): refuse the file, "
              + "naming the line and column, or read it as a missing value, imputed like an empty "
              + "cell (default: ${DEFAULT-VALUE}).")
  String infinite = "refuse";

  /** The options, with the delimiter given or found in {@code header}. */
  CsvOptions csvOptions(String headerLine) {
    return CsvOptions.defaults()
        .withMissingMarkers("", "NA", "NULL")
        .withDelimiter(delimiter == null ? Delimiters.guess(headerLine) : delimiterChar())
        .withEncoding(charset())
        .withNonFinite(nonFinite());
  }

  boolean delimiterGiven() {
    return delimiter != null;
  }

  Charset charset() {
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new BadInputException(
          "--encoding must be a character set this Java knows, such as "
              + "UTF-8, ISO-8859-1 or windows-1252, got '"
              + encoding
              + "'",
          e);
    }
  }

  private char delimiterChar() {
    if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
      return '\t';
    }
    if (delimiter.length() != 1
        || delimiter.charAt(0) == '"'
        || delimiter.charAt(0) == '\n'
        || delimiter.charAt(0) == '\r') {
      throw new BadInputException(
          "--delimiter must be one character other than a quote or a "
              + "line break (or 'tab'), got '"
              + delimiter
              + "'");
    }
    return delimiter.charAt(0);
  }

  private CsvOptions.NonFinite nonFinite() {
    return switch (infinite) {
      case "refuse" -> CsvOptions.NonFinite.REFUSE;
      case "missing" -> CsvOptions.NonFinite.MISSING;
      default ->
          throw new BadInputException(
              "--infinite must be refuse or missing, got '" + infinite + "'");
    };
  }
}
