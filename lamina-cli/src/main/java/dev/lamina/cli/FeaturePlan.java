package dev.lamina.cli;

import dev.lamina.data.Column;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.ColumnType;
import dev.lamina.data.OneHotEncoder;
import dev.lamina.data.Pipeline;
import dev.lamina.data.SimpleImputer;
import dev.lamina.data.StandardScaler;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which raw columns become inputs and how: numbers are imputed with the mean and standardized; text
 * is imputed with the constant {@value #MISSING_TEXT} and one-hot encoded (unknown categories
 * ignored). Columns with no value, and text columns with more than {@value #MAX_CATEGORIES}
 * categories (identifiers, dates), are skipped, as are the columns the user drops.
 */
record FeaturePlan(List<String> numeric, List<String> text, Map<String, String> skipped) {

  static final int MAX_CATEGORIES = 200;
  static final String MISSING_TEXT = "NA";

  static FeaturePlan of(Table train, String target, List<String> drop) {
    List<String> numeric = new ArrayList<>();
    List<String> text = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (Column column : train.columns()) {
      String name = column.name();
      if (name.equals(target)) {
        continue;
      }
      if (drop.contains(name)) {
        skipped.put(name, "dropped with --drop");
      } else if (allMissing(column)) {
        skipped.put(name, "no values in the training rows");
      } else if (column.type() == ColumnType.NUMERIC) {
        numeric.add(name);
      } else if (categories(column) > MAX_CATEGORIES) {
        skipped.put(name, "more than " + MAX_CATEGORIES + " categories");
      } else {
        text.add(name);
      }
    }
    if (numeric.isEmpty() && text.isEmpty()) {
      throw new BadInputException(
          train.source()
              + ": no usable input column besides the target '"
              + target
              + "' (skipped: "
              + skipped
              + ")");
    }
    return new FeaturePlan(numeric, text, skipped);
  }

  /** The transformer for the numeric and text columns, not yet fitted. */
  static ColumnTransformer transformer(List<String> numeric, List<String> text) {
    ColumnTransformer transformer = new ColumnTransformer();
    if (!numeric.isEmpty()) {
      transformer.add(
          "num",
          new Pipeline(new SimpleImputer(SimpleImputer.Strategy.MEAN), new StandardScaler()),
          numeric);
    }
    if (!text.isEmpty()) {
      transformer.add(
          "cat",
          new Pipeline(
              SimpleImputer.constant(MISSING_TEXT),
              new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE)),
          text);
    }
    return transformer;
  }

  /** The type of every input column, in file order. */
  Map<String, ColumnType> columnTypes() {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    numeric.forEach(name -> types.put(name, ColumnType.NUMERIC));
    text.forEach(name -> types.put(name, ColumnType.STRING));
    return types;
  }

  private static boolean allMissing(Column column) {
    for (int row = 0; row < column.size(); row++) {
      if (!column.isMissing(row)) {
        return false;
      }
    }
    return true;
  }

  private static int categories(Column column) {
    Set<String> distinct = new HashSet<>();
    for (int row = 0; row < column.size() && distinct.size() <= MAX_CATEGORIES; row++) {
      if (!column.isMissing(row)) {
        distinct.add(column.format(row));
      }
    }
    return distinct.size();
  }
}
