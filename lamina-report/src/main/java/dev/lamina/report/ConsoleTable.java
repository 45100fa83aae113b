package dev.lamina.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables for the terminal: a header row, a rule, and left-aligned columns. */
public final class ConsoleTable {
  private ConsoleTable() {}

  /** Rows of cells under {@code header}; every row must have the header's width. */
  public static String format(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    measure(header, widths);
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "ConsoleTable.format: a row has " + row.size() + " cells, the header " + header.size());
      }
      measure(row, widths);
    }
    StringBuilder text = new StringBuilder();
    line(text, header, widths);
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    text.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
    for (List<String> row : rows) {
      line(text, row, widths);
    }
    return text.toString();
  }

  /** A two-column table of metric names and values. */
  public static String metrics(Map<String, Double> metrics) {
    return format(
        List.of("metric", "value"),
        metrics.entrySet().stream().map(e -> List.of(e.getKey(), number(e.getValue()))).toList());
  }

  /** A number as the reports show it: 4 significant decimals, no exponent for usual sizes. */
  public static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static void measure(List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      widths[i] = Math.max(widths[i], cells.get(i).length());
    }
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        row.append("  ");
      }
      row.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    text.append(row.toString().stripTrailing()).append('\n');
  }
}
