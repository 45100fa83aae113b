package dev.lamina.data;

import dev.lamina.data.fitting.Categories;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One 0/1 column per category seen during fit, categories sorted, as scikit-learn's OneHotEncoder:
 * output columns are named {@code column_category}; a missing value is a category of its own, named
 * {@code column_nan} and placed last. A category not seen during fit raises an error, or with
 * {@link HandleUnknown#IGNORE} gives a row of zeros.
 */
public final class OneHotEncoder implements Transformer {
  private static final String NAME = "OneHotEncoder";

  /** The code of a category not seen during fit: no indicator is 1. */
  private static final int UNKNOWN = -1;

  /** What {@code transform} does with a category it did not see during fit. */
  public enum HandleUnknown {
    ERROR,
    IGNORE
  }

  private final HandleUnknown handleUnknown;
  private Categories fitted;

  /** Unknown categories raise an error, scikit-learn's default. */
  public OneHotEncoder() {
    this(HandleUnknown.ERROR);
  }

  public OneHotEncoder(HandleUnknown handleUnknown) {
    this.handleUnknown = handleUnknown;
  }

  @Override
  public OneHotEncoder fit(Table table) {
    fitted = Categories.learn(table, true);
    return this;
  }

  @Override
  public Table transform(Table table) {
    List<String> columns = FittedColumns.require(fitted, NAME).columns();
    List<Column> inputs = FittedColumns.match(NAME, columns, table);
    List<Column> outputs = new ArrayList<>();
    for (int c = 0; c < inputs.size(); c++) {
      Column column = inputs.get(c);
      List<String> levels = fitted.levels().get(c);
      Map<String, Integer> positions = Categories.positions(levels);
      int[] codes = new int[column.size()];
      for (int row = 0; row < column.size(); row++) {
        Integer position = positions.get(Categories.key(column, row));
        if (position != null) {
          codes[row] = position;
        } else if (handleUnknown == HandleUnknown.ERROR) {
          throw new IllegalArgumentException(Categories.unknown(NAME, column, row, levels));
        } else {
          codes[row] = UNKNOWN;
        }
      }
      for (int k = 0; k < levels.size(); k++) {
        String label = levels.get(k) == null ? "nan" : levels.get(k);
        outputs.add(NumericColumn.indicator(column.name() + "_" + label, codes, k));
      }
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** The sorted categories per fitted column; null stands for the missing category. */
  public List<List<String>> categories() {
    return FittedColumns.require(fitted, NAME).levels();
  }

  @Override
  public boolean isFitted() {
    return fitted != null;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("handleUnknown", handleUnknown.name().toLowerCase(Locale.ROOT));
    if (fitted != null) {
      fitted.write(json);
    }
    return json;
  }

  static OneHotEncoder fromJson(Map<String, ?> json) {
    OneHotEncoder encoder =
        new OneHotEncoder(
            HandleUnknown.valueOf(
                JsonFields.text(json, "handleUnknown", "error").toUpperCase(Locale.ROOT)));
    encoder.fitted = Categories.read(json);
    return encoder;
  }
}
