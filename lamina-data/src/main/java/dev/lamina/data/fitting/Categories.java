package dev.lamina.data.fitting;

import dev.lamina.data.Column;
import dev.lamina.data.ColumnType;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the encoders learn: the sorted categories of each fitted column. A category is the cell's
 * text (numbers written as by {@link NumericColumn#format}); numeric categories are sorted by
 * value, text ones by their characters, and the missing category (null), when kept, comes last, as
 * in scikit-learn.
 */
public record Categories(List<String> columns, List<List<String>> levels) {

  public Categories {
    columns = List.copyOf(columns);
    List<List<String>> frozen = new ArrayList<>();
    for (List<String> column : levels) {
      frozen.add(Collections.unmodifiableList(new ArrayList<>(column)));
    }
    levels = Collections.unmodifiableList(frozen);
  }

  /** The categories of every column of {@code table}; missing as a category if kept. */
  public static Categories learn(Table table, boolean keepMissing) {
    List<List<String>> levels = new ArrayList<>();
    for (Column column : table.columns()) {
      levels.add(levels(column, keepMissing));
    }
    return new Categories(table.columnNames(), levels);
  }

  /** The category of a cell, or null when it is missing. */
  public static String key(Column column, int row) {
    return column.isMissing(row) ? null : column.format(row);
  }

  /** The sorted distinct categories of a column; null (missing) last if kept and present. */
  private static List<String> levels(Column column, boolean keepMissing) {
    Set<String> distinct = new LinkedHashSet<>();
    boolean sawMissing = false;
    for (int row = 0; row < column.size(); row++) {
      String key = key(column, row);
      if (key == null) {
        sawMissing = true;
      } else {
        distinct.add(key);
      }
    }
    List<String> sorted = new ArrayList<>(distinct);
    sorted.sort(
        column.type() == ColumnType.NUMERIC
            ? Comparator.comparingDouble(Double::parseDouble)
            : Comparator.naturalOrder());
    if (keepMissing && sawMissing) {
      sorted.add(null);
    }
    return sorted;
  }

  /** Category → position, for fast look-up while transforming. */
  public static Map<String, Integer> positions(List<String> levels) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      positions.put(levels.get(i), i);
    }
    return positions;
  }

  public static String unknown(String transformer, Column column, int row, List<String> levels) {
    String shown =
        levels.size() <= 20
            ? levels.toString()
            : levels.subList(0, 20) + " … " + levels.size() + " in all";
    return transformer
        + ".transform: column '"
        + column.name()
        + "' row "
        + row
        + " holds the category \""
        + column.format(row)
        + "\" not seen during fit (known: "
        + shown
        + ")";
  }

  /** Adds {@code columns} and {@code categories} to {@code json}. */
  public void write(Map<String, Object> json) {
    json.put("columns", JsonFields.strings(columns));
    List<List<String>> array = new ArrayList<>();
    for (List<String> column : levels) {
      array.add(JsonFields.strings(column));
    }
    json.put("categories", array);
  }

  /** Reads what {@link #write} wrote, or null when the JSON holds no fitted categories. */
  public static Categories read(Map<String, ?> json) {
    if (!json.containsKey("categories")) {
      return null;
    }
    List<List<String>> levels = new ArrayList<>();
    for (Object column : JsonFields.list(json, "categories")) {
      if (!(column instanceof List<?> items)) {
        throw new IllegalArgumentException(
            "TransformerJson: "
                + json.get("type")
                + "'s categories must be lists of strings, got "
                + column);
      }
      levels.add(JsonFields.strings(json, "categories", items));
    }
    return new Categories(JsonFields.readStrings(json, "columns"), levels);
  }
}
