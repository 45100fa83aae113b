package dev.lamina.data;

import java.util.ArrayList;
import java.util.List;

/** Renders the first rows of a table as aligned text, in the spirit of pandas' preview. */
final class TablePreview {
  private static final int MAX_COLUMNS = 12;
  private static final int MAX_CELL_WIDTH = 20;

  private TablePreview() {}

  static String render(Table table, int rows) {
    List<Column> columns = table.columns();
    int shownColumns = Math.min(columns.size(), MAX_COLUMNS);
    int shownRows = Math.min(rows, table.rowCount());
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[shownColumns];
    for (int c = 0; c < shownColumns; c++) {
      header[c] = clip(columns.get(c).name());
    }
    lines.add(header);
    for (int row = 0; row < shownRows; row++) {
      String[] cells = new String[shownColumns];
      for (int c = 0; c < shownColumns; c++) {
        cells[c] = clip(columns.get(c).format(row));
      }
      lines.add(cells);
    }
    int[] widths = new int[shownColumns];
    for (String[] line : lines) {
      for (int c = 0; c < shownColumns; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] line : lines) {
      for (int c = 0; c < shownColumns; c++) {
        text.append(c == 0 ? "" : "  ").append(pad(line[c], widths[c]));
      }
      text.append(columns.size() > shownColumns ? "  …" : "").append('\n');
    }
    if (table.rowCount() > shownRows) {
      text.append("…\n");
    }
    return text.append('[')
        .append(table.rowCount())
        .append(" rows x ")
        .append(columns.size())
        .append(" columns]")
        .toString();
  }

  private static String clip(String text) {
    return text.length() <= MAX_CELL_WIDTH ? text : text.substring(0, MAX_CELL_WIDTH - 1) + "…";
  }

  private static String pad(String text, int width) {
    return " ".repeat(width - text.length()) + text;
  }
}
