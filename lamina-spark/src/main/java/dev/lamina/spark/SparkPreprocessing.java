package dev.lamina.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.TransformerJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The command line's automatic preprocessing — numbers imputed with the mean and standardized, text
 * imputed with {@value #MISSING_TEXT} and one-hot encoded (unknown categories ignored) — fitted
 * with Spark aggregations over a whole DataFrame, as lamina-data's transformers would fit it on the
 * same rows. The result is lamina-data's own fitted {@link ColumnTransformer}, so it is saved, read
 * and applied as the CLI's is.
 */
public final class SparkPreprocessing {
  static final String MISSING_TEXT = "NA";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SparkPreprocessing() {}

  /** Fits on every row of {@code frame}: two passes for the numbers, one for the categories. */
  public static ColumnTransformer fit(Dataset<Row> frame, List<String> numeric, List<String> text) {
    ObjectNode json = JSON.createObjectNode();
    json.put("type", "ColumnTransformer");
    json.put("remainder", "drop");
    ArrayNode transformers = json.putArray("transformers");
    ArrayNode featureNames = JSON.createArrayNode();
    if (!numeric.isEmpty()) {
      transformers.add(entry("num", numeric, numericSteps(frame, numeric)));
      numeric.forEach(c -> featureNames.add("num__" + c));
    }
    if (!text.isEmpty()) {
      List<List<String>> categories = categories(frame, text);
      transformers.add(entry("cat", text, textSteps(text, categories)));
      for (int c = 0; c < text.size(); c++) {
        for (String level : categories.get(c)) {
          featureNames.add("cat__" + text.get(c) + "_" + level);
        }
      }
    }
    json.putArray("remainderColumns");
    json.set("featureNames", featureNames);
    return (ColumnTransformer) TransformerJson.fromJson(json.toString());
  }

  private static ObjectNode entry(String name, List<String> columns, ArrayNode steps) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("name", name);
    columns.forEach(entry.putArray("columns")::add);
    ObjectNode pipeline = entry.putObject("transformer");
    pipeline.put("type", "Pipeline");
    pipeline.set("steps", steps);
    return entry;
  }

  /** Mean imputation, then standardization of the imputed columns (population deviation). */
  private static ArrayNode numericSteps(Dataset<Row> frame, List<String> columns) {
    List<Column> firstPass = new ArrayList<>();
    firstPass.add(functions.count(functions.lit(1)));
    for (String c : columns) {
      Column value = functions.col(c).cast("double");
      firstPass.add(functions.count(value));
      firstPass.add(functions.sum(value));
    }
    Row sums =
        frame
            .agg(firstPass.get(0), firstPass.subList(1, firstPass.size()).toArray(Column[]::new))
            .first();
    long rows = sums.getLong(0);
    int k = columns.size();
    double[] fill = new double[k];
    double[] mean = new double[k];
    long[] missing = new long[k];
    List<Column> secondPass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      long present = sums.getLong(1 + 2 * c);
      if (present == 0) {
        throw new IllegalArgumentException(
            "SparkPreprocessing: numeric column '" + columns.get(c) + "' has no values");
      }
      fill[c] = sums.getDouble(2 + 2 * c) / present;
      missing[c] = rows - present;
      // the scaler sees the imputed column: the present values and the fill for each missing one
      mean[c] = (sums.getDouble(2 + 2 * c) + missing[c] * fill[c]) / rows;
      Column deviation = functions.col(columns.get(c)).cast("double").minus(mean[c]);
      secondPass.add(functions.sum(deviation.multiply(deviation)));
    }
    Row squares =
        frame.agg(secondPass.get(0), secondPass.subList(1, k).toArray(Column[]::new)).first();
    double[] scale = new double[k];
    for (int c = 0; c < k; c++) {
      double fillDeviation = fill[c] - mean[c];
      double sum = squares.getDouble(c) + missing[c] * fillDeviation * fillDeviation;
      double std = Math.sqrt(sum / rows);
      scale[c] = isNearZero(std, mean[c], rows) ? 1.0 : std;
    }
    ArrayNode steps = JSON.createArrayNode();
    ObjectNode imputer = steps.addObject();
    imputer.put("type", "SimpleImputer");
    imputer.put("strategy", "mean");
    columns.forEach(imputer.putArray("columns")::add);
    ArrayNode statistics = imputer.putArray("statistics");
    for (double v : fill) {
      statistics.add(v);
    }
    ObjectNode scaler = steps.addObject();
    scaler.put("type", "StandardScaler");
    columns.forEach(scaler.putArray("columns")::add);
    ArrayNode means = scaler.putArray("mean");
    ArrayNode scales = scaler.putArray("scale");
    for (int c = 0; c < k; c++) {
      means.add(mean[c]);
      scales.add(scale[c]);
    }
    return steps;
  }

  /**
   * lamina-data's (and scikit-learn's) test for a constant column: a variance within rounding of
   * zero gets scale 1.
   */
  private static boolean isNearZero(double std, double mean, long count) {
    double epsilon = Math.ulp(1.0);
    double variance = std * std;
    double roundingBound = count * epsilon * variance + Math.pow(count * mean * epsilon, 2);
    return variance <= roundingBound || std < 10 * epsilon;
  }

  /** Each text column's distinct values with missing ones as {@value #MISSING_TEXT}, sorted. */
  private static List<List<String>> categories(Dataset<Row> frame, List<String> columns) {
    List<List<String>> all = new ArrayList<>();
    for (String c : columns) {
      Column filled =
          functions.coalesce(functions.col(c).cast("string"), functions.lit(MISSING_TEXT));
      List<String> levels = new ArrayList<>();
      for (Row row : frame.select(filled).distinct().collectAsList()) {
        levels.add(row.getString(0));
      }
      levels.sort(String::compareTo);
      all.add(levels);
    }
    return all;
  }

  private static ArrayNode textSteps(List<String> columns, List<List<String>> categories) {
    ArrayNode steps = JSON.createArrayNode();
    ObjectNode imputer = steps.addObject();
    imputer.put("type", "SimpleImputer");
    imputer.put("strategy", "constant");
    imputer.put("fillValue", MISSING_TEXT);
    columns.forEach(imputer.putArray("columns")::add);
    ArrayNode statistics = imputer.putArray("statistics");
    columns.forEach(c -> statistics.add(MISSING_TEXT));
    ObjectNode encoder = steps.addObject();
    encoder.put("type", "OneHotEncoder");
    encoder.put("handleUnknown", "ignore");
    columns.forEach(encoder.putArray("columns")::add);
    ArrayNode levels = encoder.putArray("categories");
    for (List<String> column : categories) {
      column.forEach(levels.addArray()::add);
    }
    return steps;
  }
}
