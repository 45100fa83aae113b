package dev.lamina.data.preprocessing;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.Categories;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces each category by its position among the sorted categories seen during fit, as
 * scikit-learn's OrdinalEncoder; missing values stay missing (NaN). A category not seen during fit
 * raises an error, unless an encoded value for unknowns was given.
 */
public final class OrdinalEncoder implements Transformer {
  private static final String NAME = "OrdinalEncoder";
  private final Double unknownValue;
  private Categories fitted;

  /** Unknown categories raise an error, scikit-learn's default. */
  public OrdinalEncoder() {
    this(null);
  }

  private OrdinalEncoder(Double unknownValue) {
    this.unknownValue = unknownValue;
  }

  /** Unknown categories become {@code value}, scikit-learn's {@code use_encoded_value}. */
  public static OrdinalEncoder withUnknownValue(double value) {
    return new OrdinalEncoder(value);
  }

  @Override
  public OrdinalEncoder fit(Table table) {
    fitted = Categories.learn(table, false);
    return this;
  }

  @Override
  public Table transform(Table table) {
    List<String> columns = FittedColumns.require(fitted, NAME).columns();
    List<Column> inputs = FittedColumns.match(NAME, columns, table);
    List<Column> outputs = new ArrayList<>();
    for (int c = 0; c < inputs.size(); c++) {
      Column column = inputs.get(c);
      Map<String, Integer> positions = Categories.positions(fitted.levels().get(c));
      double[] codes = new double[column.size()];
      for (int row = 0; row < codes.length; row++) {
        String key = Categories.key(column, row);
        Integer position = key == null ? null : positions.get(key);
        if (key == null) {
          codes[row] = Double.NaN;
        } else if (position != null) {
          codes[row] = position;
        } else if (unknownValue != null) {
          codes[row] = unknownValue;
        } else {
          throw new IllegalArgumentException(
              Categories.unknown(NAME, column, row, fitted.levels().get(c)));
        }
      }
      outputs.add(NumericColumn.of(column.name(), codes));
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** The sorted categories per fitted column. */
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
    if (unknownValue != null) {
      json.put("unknownValue", unknownValue);
    }
    if (fitted != null) {
      fitted.write(json);
    }
    return json;
  }

  public static OrdinalEncoder fromJson(Map<String, ?> json) {
    OrdinalEncoder encoder =
        new OrdinalEncoder(
            json.get("unknownValue") == null ? null : JsonFields.number(json, "unknownValue"));
    encoder.fitted = Categories.read(json);
    return encoder;
  }
}
