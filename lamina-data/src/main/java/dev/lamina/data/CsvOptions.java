package dev.lamina.data;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to read a CSV file. Input is always UTF-8 (a byte-order mark is skipped); gzip-compressed
 * input is recognised by its magic bytes and decompressed.
 *
 * @param delimiter the field separator, {@code ','} by default
 * @param quote the quote character, {@code '"'} by default; a quote inside a quoted field is
 *     written twice
 * @param header whether the first line names the columns; without one they are named
 *     {@code column_1, column_2, …}
 * @param missingMarkers cell texts that mean "missing"; by default the empty cell and {@code NA}.
 *     Markers are compared with the raw cell text, so a marker {@code -1} also applies to text
 *     columns
 * @param columnTypes forced types by column name; other columns are numeric when every
 *     non-missing cell is a number, text otherwise
 */
public record CsvOptions(
    char delimiter,
    char quote,
    boolean header,
    Set<String> missingMarkers,
    Map<String, ColumnType> columnTypes) {

  public CsvOptions {
    if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException(
          "CsvOptions: delimiter " + printable(delimiter) + " must differ from the quote "
              + printable(quote) + " and from line breaks");
    }
    if (quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("CsvOptions: quote must not be a line break");
    }
    missingMarkers = Set.copyOf(missingMarkers);
    columnTypes = Map.copyOf(columnTypes);
  }

  /** Comma-separated, double-quoted, with a header; empty cells and {@code NA} are missing. */
  public static CsvOptions defaults() {
    return new CsvOptions(',', '"', true, Set.of("", "NA"), Map.of());
  }

  public CsvOptions withDelimiter(char newDelimiter) {
    return new CsvOptions(newDelimiter, quote, header, missingMarkers, columnTypes);
  }

  public CsvOptions withQuote(char newQuote) {
    return new CsvOptions(delimiter, newQuote, header, missingMarkers, columnTypes);
  }

  public CsvOptions withHeader(boolean hasHeader) {
    return new CsvOptions(delimiter, quote, hasHeader, missingMarkers, columnTypes);
  }

  /** Adds markers of missing values, such as {@code "-1"} or {@code "NULL"}. */
  public CsvOptions withMissingMarkers(String... markers) {
    Set<String> all = new LinkedHashSet<>(missingMarkers);
    all.addAll(List.of(markers));
    return new CsvOptions(delimiter, quote, header, all, columnTypes);
  }

  /** Forces the type of a column instead of inferring it. */
  public CsvOptions withColumnType(String column, ColumnType type) {
    Map<String, ColumnType> all = new LinkedHashMap<>(columnTypes);
    all.put(column, type);
    return new CsvOptions(delimiter, quote, header, missingMarkers, all);
  }

  /** Forces the types of several columns at once, replacing earlier forced types. */
  public CsvOptions withColumnTypes(Map<String, ColumnType> types) {
    Map<String, ColumnType> all = new LinkedHashMap<>(columnTypes);
    all.putAll(types);
    return new CsvOptions(delimiter, quote, header, missingMarkers, all);
  }

  private static String printable(char c) {
    return c == '\t' ? "'\\t'" : "'" + c + "'";
  }
}
