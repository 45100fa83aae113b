package dev.lamina.cli;

import dev.lamina.data.Column;
import dev.lamina.data.ColumnType;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds columns read as text only because a few cells are not numbers (a stray {@code x} in a
 * column of prices), so {@code train} can say so instead of silently one-hot encoding or skipping a
 * numeric column.
 */
final class StrayTextCells {
  /** A column with more distinct non-numbers than this is text. */
  private static final int MAX_STRAY_VALUES = 3;

  /** ... or with more non-number cells than this, or than this share of its present cells. */
  private static final int MAX_STRAY_CELLS = 3;

  private static final double MAX_STRAY_SHARE = 0.01;

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private StrayTextCells() {}

  /** The text columns of {@code table} whose cells are numbers but for a stray few. */
  static List<String> columns(Table table) {
    List<String> found = new ArrayList<>();
    for (Column column : table.columns()) {
      if (column.type() == ColumnType.STRING && mostlyNumbers(column)) {
        found.add(column.name());
      }
    }
    return found;
  }

  /**
   * Stops at the first cell past what a stray few may be: a text column of two categories was
   * otherwise matched cell by cell to its end (hotel's 119,390 rows, ten such columns).
   */
  private static boolean mostlyNumbers(Column column) {
    int present = column.size() - column.missingCount();
    double maxStrayCells = Math.max(MAX_STRAY_CELLS, present * MAX_STRAY_SHARE);
    Set<String> strays = new HashSet<>();
    long strayCells = 0;
    for (int row = 0; row < column.size(); row++) {
      if (column.isMissing(row)) {
        continue;
      }
      String text = column.format(row);
      if (!NUMBER.matcher(text).matches()) {
        strayCells++;
        if (strayCells > maxStrayCells || (strays.add(text) && strays.size() > MAX_STRAY_VALUES)) {
          return false;
        }
      }
    }
    return strayCells > 0 && strayCells < present / 2;
  }
}
