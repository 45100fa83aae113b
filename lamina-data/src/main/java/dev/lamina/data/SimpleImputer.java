package dev.lamina.data;

import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills missing values with a value learnt per column, as scikit-learn's SimpleImputer does: the
 * mean or median of the present values (numeric columns), the most frequent value (the smallest one
 * on a tie; numeric or text columns) or a constant. A column with nothing but missing values cannot
 * be fitted with a learnt strategy and is reported instead of dropped.
 */
public final class SimpleImputer implements Transformer {
  private static final String NAME = "SimpleImputer";

  /** How the fill value of a column is chosen. */
  public enum Strategy {
    MEAN,
    MEDIAN,
    MOST_FREQUENT,
    CONSTANT
  }

  private final Strategy strategy;
  private final Object constant;
  private List<String> columns;
  private List<Object> fills;

  private SimpleImputer(Strategy strategy, Object constant) {
    this.strategy = strategy;
    this.constant = constant;
  }

  /** Imputes the mean, scikit-learn's default. */
  public SimpleImputer() {
    this(Strategy.MEAN, null);
  }

  /** A learnt strategy: MEAN, MEDIAN or MOST_FREQUENT (use a {@code constant} factory else). */
  public SimpleImputer(Strategy strategy) {
    this(strategy, null);
    if (strategy == Strategy.CONSTANT) {
      throw new IllegalArgumentException(
          "SimpleImputer: the constant strategy needs a value: use SimpleImputer.constant(...)");
    }
  }

  /** Fills numeric columns with {@code value}. */
  public static SimpleImputer constant(double value) {
    return new SimpleImputer(Strategy.CONSTANT, value);
  }

  /** Fills text columns with {@code value}, e.g. {@code "NA"}. */
  public static SimpleImputer constant(String value) {
    return new SimpleImputer(Strategy.CONSTANT, value);
  }

  @Override
  public SimpleImputer fit(Table table) {
    List<Object> learnt = new ArrayList<>();
    for (Column column : table.columns()) {
      learnt.add(fillFor(column));
    }
    columns = table.columnNames();
    fills = learnt;
    return this;
  }

  private Object fillFor(Column column) {
    if (strategy == Strategy.CONSTANT) {
      boolean fits =
          column.type() == ColumnType.NUMERIC
              ? constant instanceof Double
              : constant instanceof String;
      if (!fits) {
        throw new IllegalArgumentException(
            NAME
                + ": constant "
                + describe(constant)
                + " does not suit the "
                + column.type().name().toLowerCase(Locale.ROOT)
                + " column '"
                + column.name()
                + "'");
      }
      return constant;
    }
    FittedColumns.requirePresent(NAME, column);
    if (strategy == Strategy.MOST_FREQUENT) {
      return column instanceof NumericColumn numeric
          ? mostFrequent(numeric.values())
          : mostFrequent(((StringColumn) column).values());
    }
    double[] present = presentValues(FittedColumns.numeric(NAME, column).values());
    return strategy == Strategy.MEAN ? mean(present) : median(present);
  }

  @Override
  public Table transform(Table table) {
    List<Column> inputs = FittedColumns.match(NAME, FittedColumns.require(columns, NAME), table);
    List<Column> outputs = new ArrayList<>(inputs.size());
    for (int c = 0; c < inputs.size(); c++) {
      outputs.add(filled(inputs.get(c), fills.get(c)));
    }
    return Table.of(outputs).withSource(table.source());
  }

  private static Column filled(Column column, Object fill) {
    if (column instanceof NumericColumn numeric) {
      if (!(fill instanceof Double value)) {
        throw new IllegalArgumentException(
            NAME
                + ".transform: column '"
                + column.name()
                + "' is numeric now but held text during fit");
      }
      double[] values = numeric.toArray();
      for (int row = 0; row < values.length; row++) {
        if (Double.isNaN(values[row])) {
          values[row] = value;
        }
      }
      return NumericColumn.wrap(column.name(), values);
    }
    if (!(fill instanceof String value)) {
      throw new IllegalArgumentException(
          NAME
              + ".transform: column '"
              + column.name()
              + "' holds text now but was numeric during fit");
    }
    String[] values = ((StringColumn) column).toArray();
    for (int row = 0; row < values.length; row++) {
      if (values[row] == null) {
        values[row] = value;
      }
    }
    return StringColumn.wrap(column.name(), values);
  }

  /** The learnt fill values, a Double or a String per column. */
  public List<Object> statistics() {
    return List.copyOf(FittedColumns.require(fills, NAME));
  }

  @Override
  public boolean isFitted() {
    return fills != null;
  }

  private static double[] presentValues(double[] values) {
    return Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
  }

  private static double mean(double[] present) {
    double sum = 0;
    for (double value : present) {
      sum += value;
    }
    return sum / present.length;
  }

  private static double median(double[] present) {
    double[] sorted = present.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Double mostFrequent(double[] values) {
    double[] sorted = presentValues(values);
    Arrays.sort(sorted);
    double best = sorted[0];
    int bestCount = 0;
    for (int start = 0; start < sorted.length; ) {
      int end = start;
      while (end < sorted.length && sorted[end] == sorted[start]) {
        end++;
      }
      if (end - start > bestCount) {
        best = sorted[start];
        bestCount = end - start;
      }
      start = end;
    }
    return best;
  }

  private static String mostFrequent(String[] values) {
    Map<String, Integer> counts = new HashMap<>();
    for (String value : values) {
      if (value != null) {
        counts.merge(value, 1, Integer::sum);
      }
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      int count = entry.getValue();
      if (count > bestCount || (count == bestCount && entry.getKey().compareTo(best) < 0)) {
        best = entry.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  private static String describe(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
    if (constant instanceof Double value) {
      json.put("fillValue", JsonFields.number(value));
    } else if (constant instanceof String value) {
      json.put("fillValue", value);
    }
    if (fills != null) {
      json.put("columns", JsonFields.strings(columns));
      List<Object> statistics = new ArrayList<>();
      for (Object fill : fills) {
        statistics.add(fill instanceof Double value ? JsonFields.number(value) : fill);
      }
      json.put("statistics", statistics);
    }
    return json;
  }

  static SimpleImputer fromJson(Map<String, ?> json) {
    Strategy strategy =
        Strategy.valueOf(JsonFields.text(json, "strategy").toUpperCase(Locale.ROOT));
    Object constant = fill(json.get("fillValue"));
    SimpleImputer imputer = new SimpleImputer(strategy, constant);
    if (json.containsKey("statistics")) {
      imputer.columns = JsonFields.readStrings(json, "columns");
      List<Object> fills = new ArrayList<>();
      for (Object item : JsonFields.list(json, "statistics")) {
        fills.add(fill(item));
      }
      imputer.fills = fills;
    }
    return imputer;
  }

  /** A fill value as {@link #fit} keeps it: a Double or a String. */
  private static Object fill(Object value) {
    if (value == null || value instanceof String) {
      return value;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(
        "TransformerJson: " + NAME + "'s fill values must be numbers or strings, got " + value);
  }
}
