package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.data.Column;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.TransformerJson;
import dev.lamina.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fitted way from raw CSV columns to the network's inputs and targets, stored inside the model
 * file as {@value #EXTRA_NAME}.
 *
 * @param features the fitted column transformer (impute + scale, impute + one-hot)
 * @param columnTypes the type of every raw input column at training, so later files read alike
 * @param target the target column's name
 * @param targetType the target column's type at training
 * @param task what is predicted
 * @param classes the labels in code order (classification), else empty
 * @param skippedColumns raw columns left out, with the reason
 */
public record Preprocessing(
    ColumnTransformer features,
    Map<String, ColumnType> columnTypes,
    String target,
    ColumnType targetType,
    Task task,
    List<String> classes,
    Map<String, String> skippedColumns) {

  static final String EXTRA_NAME = "preprocessing.json";

  /**
   * How many distinct values of a text column a summary for {@link #fit(Table, String, List, Task,
   * FeatureFitter)} needs at most: one more than a one-hot encoded column may have.
   */
  public static final int SUMMARY_VALUES = FeaturePlan.MAX_CATEGORIES + 1;

  private static final int FORMAT = 1;

  public Preprocessing {
    columnTypes = new LinkedHashMap<>(columnTypes);
    classes = List.copyOf(classes);
    skippedColumns = new LinkedHashMap<>(skippedColumns);
  }

  /** A preprocessing fitted on training rows, and those rows' network inputs. */
  record Fitted(Preprocessing preprocessing, Tensor inputs) {}

  /**
   * Fits the preprocessing on the training rows (the validation rows never inform it) and gives
   * their inputs from the transform that fitting makes anyway: transforming them once more after
   * the fit was a third of preparing the hotel data (its one-hot columns alone are 170 MB a pass).
   */
  static Fitted fitTransform(Table train, String target, List<String> drop, Task task) {
    Table[] transformed = new Table[1];
    Preprocessing preprocessing =
        fit(
            train,
            target,
            drop,
            task,
            (numeric, text) -> {
              ColumnTransformer features = FeaturePlan.transformer(numeric, text);
              transformed[0] = features.fitTransform(train);
              return features;
            });
    return new Fitted(preprocessing, inputsOf(transformed[0], train.source(), 0));
  }

  /** Fits the feature transformer of the numeric and text input columns chosen. */
  @FunctionalInterface
  public interface FeatureFitter {
    ColumnTransformer fit(List<String> numeric, List<String> text);
  }

  /**
   * The preprocessing of training rows held elsewhere (a Spark cluster): {@code summary} holds, for
   * each column of the training rows, enough of its distinct values to make the choices {@link
   * #fit} makes (every column's type; text columns' and the target's distinct values, or more than
   * {@value FeaturePlan#MAX_CATEGORIES} of them), and {@code features} fits the transformer over
   * all the rows.
   */
  public static Preprocessing fit(
      Table summary, String target, List<String> drop, Task task, FeatureFitter features) {
    FeaturePlan plan = FeaturePlan.of(summary, target, drop);
    List<String> classes =
        task.isClassification() ? TargetCodes.learn(summary.column(target)) : List.of();
    return new Preprocessing(
        features.fit(plan.numeric(), plan.text()),
        plan.columnTypes(),
        target,
        summary.column(target).type(),
        task,
        classes,
        plan.skipped());
  }

  /**
   * The network's inputs for the rows of {@code table} (extra columns are ignored). A value so far
   * outside the training range that it is not a float32 after scaling fails here, naming its row
   * and column, rather than turning into NaN predictions.
   */
  public Tensor inputs(Table table) {
    return inputs(table, 0);
  }

  /** {@link #inputs(Table)} of rows that follow {@code rowsBefore} rows of their file. */
  Tensor inputs(Table table, long rowsBefore) {
    return inputsOf(features.transform(table), table.source(), rowsBefore);
  }

  private static Tensor inputsOf(Table transformed, String source, long rowsBefore) {
    Tensor inputs = transformed.toTensor();
    requireFloat32(transformed, source, rowsBefore);
    return inputs;
  }

  /** Fails on the first cell, in row order, that is not a finite float32 (no NaN is left here). */
  private static void requireFloat32(Table transformed, String source, long rowsBefore) {
    int badRow = transformed.rowCount();
    NumericColumn badColumn = null;
    for (String name : transformed.columnNames()) {
      NumericColumn column = transformed.numeric(name);
      // only rows before the first bad one so far: an earlier column wins a tie
      for (int row = 0; row < badRow; row++) {
        if (!Float.isFinite((float) column.get(row))) {
          badRow = row;
          badColumn = column;
          break;
        }
      }
    }
    if (badColumn != null) {
      throw new BadInputException(
          source
              + ", data row "
              + (rowsBefore + badRow + 1)
              + ": input '"
              + badColumn.name()
              + "' is "
              + (float) badColumn.get(badRow)
              + " after preprocessing; the cell is "
              + "too far outside the range seen in training");
    }
  }

  /** The network's targets (one column: the value, 0/1, or the class code) for the rows. */
  public Tensor targets(Table table) {
    Column column = table.column(target);
    return task.isClassification()
        ? TargetCodes.encode(column, classes)
        : TargetCodes.values(column);
  }

  /** The number of network inputs. */
  public int inputWidth() {
    return features.featureNames().size();
  }

  /** The number of network outputs: one, or one per class for multiclass. */
  int outputWidth() {
    return task == Task.MULTICLASS ? classes.size() : 1;
  }

  /** Every column the model needs, by type, for reading a later CSV the same way. */
  public Map<String, ColumnType> readTypes(boolean withTarget) {
    Map<String, ColumnType> types = new LinkedHashMap<>(columnTypes);
    if (withTarget) {
      types.put(target, targetType);
    }
    return types;
  }

  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("task", task.cliName());
    json.put("target", target);
    json.put("target_type", targetType.name().toLowerCase(Locale.ROOT));
    Map<String, Object> types = new LinkedHashMap<>();
    columnTypes.forEach((name, type) -> types.put(name, type.name().toLowerCase(Locale.ROOT)));
    json.put("column_types", types);
    json.put("classes", classes);
    json.put("skipped_columns", new LinkedHashMap<>(skippedColumns));
    json.put("transformer", features.toJson());
    return Json.write(json);
  }

  /**
   * Reads {@link #toJson()} with the model files' bounded JSON reader (the text comes from a model
   * file, untrusted input); anything malformed is a {@link BadInputException}.
   */
  public static Preprocessing fromJson(String text, String where) {
    try {
      Map<String, Object> json = Json.parseObject(text);
      if (!Long.valueOf(FORMAT).equals(json.get("format"))) {
        throw new BadInputException(
            where
                + ": preprocessing format "
                + json.get("format")
                + " is not supported (expected "
                + FORMAT
                + ")");
      }
      Map<String, ColumnType> types = new LinkedHashMap<>();
      strings(json, "column_types")
          .forEach((name, type) -> types.put(name, columnType(type, where)));
      List<String> classes = new ArrayList<>();
      for (Object c : (List<?>) json.getOrDefault("classes", List.of())) {
        classes.add((String) c);
      }
      Map<String, String> skipped = strings(json, "skipped_columns");
      ColumnTransformer features =
          (ColumnTransformer) TransformerJson.fromJson((Map<?, ?>) required(json, "transformer"));
      return new Preprocessing(
          features,
          types,
          (String) required(json, "target"),
          columnType((String) required(json, "target_type"), where),
          Task.parse((String) required(json, "task")),
          classes,
          skipped);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new BadInputException(where + ": damaged preprocessing: " + e.getMessage(), e);
    }
  }

  private static Object required(Map<String, Object> json, String field) {
    Object value = json.get(field);
    if (value == null) {
      throw new IllegalArgumentException("no field '" + field + "'");
    }
    return value;
  }

  /** A JSON object of strings (absent: empty) in its order; other values: ClassCastException. */
  private static Map<String, String> strings(Map<String, Object> json, String field) {
    Map<String, String> values = new LinkedHashMap<>();
    ((Map<?, ?>) json.getOrDefault(field, Map.of()))
        .forEach((key, value) -> values.put((String) key, (String) value));
    return values;
  }

  private static ColumnType columnType(String name, String where) {
    try {
      return ColumnType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where + ": unknown column type '" + name + "'", e);
    }
  }
}
