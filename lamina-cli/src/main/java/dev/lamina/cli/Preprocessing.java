package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.data.Column;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.ColumnType;
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
record Preprocessing(
    ColumnTransformer features,
    Map<String, ColumnType> columnTypes,
    String target,
    ColumnType targetType,
    Task task,
    List<String> classes,
    Map<String, String> skippedColumns) {

  static final String EXTRA_NAME = "preprocessing.json";
  private static final int FORMAT = 1;

  Preprocessing {
    columnTypes = new LinkedHashMap<>(columnTypes);
    classes = List.copyOf(classes);
    skippedColumns = new LinkedHashMap<>(skippedColumns);
  }

  /** Fits the preprocessing on the training rows (the validation rows never inform it). */
  static Preprocessing fit(Table train, String target, List<String> drop, Task task) {
    FeaturePlan plan = FeaturePlan.of(train, target, drop);
    ColumnTransformer features = plan.transformer();
    features.fit(train);
    List<String> classes =
        task.isClassification() ? TargetCodes.learn(train.column(target)) : List.of();
    return new Preprocessing(features, plan.columnTypes(), target, train.column(target).type(),
        task, classes, plan.skipped());
  }

  /**
   * The network's inputs for the rows of {@code table} (extra columns are ignored). A value so
   * far outside the training range that it is not a float32 after scaling fails here, naming
   * its row and column, rather than turning into NaN predictions.
   */
  Tensor inputs(Table table) {
    Tensor inputs = features.transform(table).toTensor();
    float[] values = inputs.toFloatArray();
    int width = inputWidth();
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        String feature = features.featureNames().get(i % width);
        throw new BadInputException(table.source() + ", data row " + (i / width + 1)
            + ": input '" + feature + "' is " + values[i] + " after preprocessing; the cell is "
            + "too far outside the range seen in training");
      }
    }
    return inputs;
  }

  /** The network's targets (one column: the value, 0/1, or the class code) for the rows. */
  Tensor targets(Table table) {
    Column column = table.column(target);
    return task.isClassification()
        ? TargetCodes.encode(column, classes)
        : TargetCodes.values(column);
  }

  /** The number of network inputs. */
  int inputWidth() {
    return features.featureNames().size();
  }

  /** The number of network outputs: one, or one per class for multiclass. */
  int outputWidth() {
    return task == Task.MULTICLASS ? classes.size() : 1;
  }

  /** Every column the model needs, by type, for reading a later CSV the same way. */
  Map<String, ColumnType> readTypes(boolean withTarget) {
    Map<String, ColumnType> types = new LinkedHashMap<>(columnTypes);
    if (withTarget) {
      types.put(target, targetType);
    }
    return types;
  }

  String toJson() {
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
   * Reads {@link #toJson()} with the model files' bounded JSON reader (the text comes from a
   * model file, untrusted input); anything malformed is a {@link BadInputException}.
   */
  static Preprocessing fromJson(String text, String where) {
    try {
      Map<String, Object> json = Json.parseObject(text);
      if (!Long.valueOf(FORMAT).equals(json.get("format"))) {
        throw new BadInputException(where + ": preprocessing format "
            + json.get("format") + " is not supported (expected " + FORMAT + ")");
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
      return new Preprocessing(features, types, (String) required(json, "target"),
          columnType((String) required(json, "target_type"), where),
          Task.parse((String) required(json, "task")), classes, skipped);
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
