package dev.lamina.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file. Gzip-compressed input is recognised by its magic bytes and decompressed;
 * a UTF-8 byte-order mark is skipped.
 *
 * @param delimiter the field separator, {@code ','} by default
 * @param quote the quote character, {@code '"'} by default; a quote inside a quoted field is
 *     written twice
 * @param header whether the first line names the columns; without one they are named {@code
 *     column_1, column_2, …}
 * @param missingMarkers cell texts that mean "missing"; by default the empty cell and {@code NA}.
 *     Markers are compared with the raw cell text, so a marker {@code -1} also applies to text
 *     columns
 * @param columnTypes forced types by column name; other columns are numeric when every non-missing
 *     cell is a number, text otherwise
 * @param encoding the character set, UTF-8 by default; UTF-8 input is checked, and a byte sequence
 *     that is not UTF-8 (a Latin-1 or Windows-1252 file read as UTF-8) fails with the line where it
 *     is instead of becoming replacement characters
 * @param nonFinite what a numeric cell that is infinite ({@code inf}, {@code -Infinity}, or a
 *     number beyond the double range such as {@code 1e400}) becomes; {@code nan} is always a
 *     missing value
 */
public record CsvOptions(
    char delimiter,
    char quote,
    boolean header,
    Set<String> missingMarkers,
    Map<String, ColumnType> columnTypes,
    Charset encoding,
    NonFinite nonFinite) {

  /** What becomes of an infinite number in a CSV cell. */
  public enum NonFinite {
    /** Read as the infinite double it denotes. */
    KEEP,
    /** Fail with a {@link CsvFormatException} naming the line and column. */
    REFUSE,
    /** Read as a missing value, to be imputed like an empty cell. */
    MISSING
  }

  public CsvOptions {
    if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException(
          "CsvOptions: delimiter "
              + printable(delimiter)
              + " must differ from the quote "
              + printable(quote)
              + " and from line breaks");
    }
    if (quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("CsvOptions: quote must not be a line break");
    }
    missingMarkers = Set.copyOf(missingMarkers);
    columnTypes = Map.copyOf(columnTypes);
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(nonFinite, "nonFinite");
  }

  /**
   * Comma-separated, double-quoted, with a header, UTF-8; empty cells and {@code NA} are missing;
   * infinite numbers are kept.
   */
  public static CsvOptions defaults() {
    return new CsvOptions(
        ',', '"', true, Set.of("", "NA"), Map.of(), StandardCharsets.UTF_8, NonFinite.KEEP);
  }

  public CsvOptions withDelimiter(char newDelimiter) {
    return new CsvOptions(
        newDelimiter, quote, header, missingMarkers, columnTypes, encoding, nonFinite);
  }

  public CsvOptions withQuote(char newQuote) {
    return new CsvOptions(
        delimiter, newQuote, header, missingMarkers, columnTypes, encoding, nonFinite);
  }

  public CsvOptions withHeader(boolean hasHeader) {
    return new CsvOptions(
        delimiter, quote, hasHeader, missingMarkers, columnTypes, encoding, nonFinite);
  }

  /** Adds markers of missing values, such as {@code "-1"} or {@code "NULL"}. */
  public CsvOptions withMissingMarkers(String... markers) {
    Set<String> all = new LinkedHashSet<>(missingMarkers);
    all.addAll(List.of(markers));
    return new CsvOptions(delimiter, quote, header, all, columnTypes, encoding, nonFinite);
  }

  /** Forces the type of a column instead of inferring it. */
  public CsvOptions withColumnType(String column, ColumnType type) {
    Map<String, ColumnType> all = new LinkedHashMap<>(columnTypes);
    all.put(column, type);
    return new CsvOptions(delimiter, quote, header, missingMarkers, all, encoding, nonFinite);
  }

  /** Forces the types of several columns at once, replacing earlier forced types. */
  public CsvOptions withColumnTypes(Map<String, ColumnType> types) {
    Map<String, ColumnType> all = new LinkedHashMap<>(columnTypes);
    all.putAll(types);
    return new CsvOptions(delimiter, quote, header, missingMarkers, all, encoding, nonFinite);
  }

  public CsvOptions withEncoding(Charset newEncoding) {
    return new CsvOptions(
        delimiter, quote, header, missingMarkers, columnTypes, newEncoding, nonFinite);
  }

  public CsvOptions withNonFinite(NonFinite policy) {
    return new CsvOptions(delimiter, quote, header, missingMarkers, columnTypes, encoding, policy);
  }

  boolean isUtf8() {
    return encoding.equals(StandardCharsets.UTF_8);
  }

  private static String printable(char c) {
    return c == '\t' ? "'\\t'" : "'" + c + "'";
  }
}
