package dev.lamina.data;

import dev.lamina.data.fitting.Categories;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * Turns the labels of one target column into 0, 1, 2, … in sorted label order, as scikit-learn's
 * LabelEncoder ({@code bad} → 0, {@code good} → 1). Targets must be complete: a missing or unseen
 * label is an error.
 */
public final class LabelEncoder implements Transformer {
  private static final String NAME = "LabelEncoder";
  private String column;
  private List<String> classes;

  /** An unfitted encoder. */
  public LabelEncoder() {}

  @Override
  public LabelEncoder fit(Table table) {
    Column labels = single(table);
    requireComplete(labels);
    column = labels.name();
    classes = List.copyOf(Categories.learn(table, false).levels().get(0));
    return this;
  }

  @Override
  public Table transform(Table table) {
    FittedColumns.require(classes, NAME);
    Column labels = FittedColumns.match(NAME, List.of(column), table).get(0);
    requireComplete(labels);
    Map<String, Integer> positions = Categories.positions(classes);
    double[] codes = new double[labels.size()];
    for (int row = 0; row < codes.length; row++) {
      Integer position = positions.get(Categories.key(labels, row));
      if (position == null) {
        throw new IllegalArgumentException(Categories.unknown(NAME, labels, row, classes));
      }
      codes[row] = position;
    }
    return Table.of(NumericColumn.wrap(column, codes)).withSource(table.source());
  }

  /** The labels in code order: {@code classes().get(code)} is the label of that code. */
  public List<String> classes() {
    return FittedColumns.require(classes, NAME);
  }

  @Override
  public boolean isFitted() {
    return classes != null;
  }

  private static Column single(Table table) {
    if (table.columnCount() != 1) {
      throw new IllegalArgumentException(
          NAME
              + ".fit: expects a table of exactly one (target) "
              + "column, got "
              + table.columnNames());
    }
    return table.columns().get(0);
  }

  private static void requireComplete(Column labels) {
    for (int row = 0; row < labels.size(); row++) {
      if (labels.isMissing(row)) {
        throw new IllegalArgumentException(
            NAME
                + ": column '"
                + labels.name()
                + "' row "
                + row
                + " has no label; drop or fill such rows first");
      }
    }
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    if (classes != null) {
      json.put("column", column);
      json.put("classes", JsonFields.strings(classes));
    }
    return json;
  }

  static LabelEncoder fromJson(Map<String, ?> json) {
    LabelEncoder encoder = new LabelEncoder();
    if (json.containsKey("classes")) {
      encoder.column = JsonFields.text(json, "column");
      encoder.classes = List.copyOf(JsonFields.readStrings(json, "classes"));
    }
    return encoder;
  }
}
