package dev.lamina.data.selection;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.MissingValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Keeps the {@code k} columns that score highest against a target column, as scikit-learn's
 * SelectKBest. Score functions, by name: {@code f_regression}, {@code f_classif}, {@code
 * mutual_info_regression}, {@code mutual_info_classif}. A classification target may hold numbers or
 * text. Fit reads the target from the table it is given; transform returns the kept columns (under
 * their names) and ignores the target when present. Ties and NaN scores rank as in scikit-learn:
 * NaN lowest, and among equal scores the later column wins.
 */
public final class SelectKBest implements Transformer {
  private static final String NAME = "SelectKBest";
  private static final List<String> SCORE_FUNCTIONS =
      List.of("f_regression", "f_classif", "mutual_info_regression", "mutual_info_classif");

  private final String scoreFunction;
  private final int k;
  private final String target;
  private final long seed;
  private List<String> columns;
  private double[] scores;
  private List<String> selected;

  /** Noise for mutual information from seed 0. */
  public SelectKBest(String scoreFunction, int k, String target) {
    this(scoreFunction, k, target, 0);
  }

  /**
   * @param seed seeds the tie-breaking noise of the mutual information estimators
   */
  public SelectKBest(String scoreFunction, int k, String target, long seed) {
    if (!SCORE_FUNCTIONS.contains(scoreFunction)) {
      throw new IllegalArgumentException(
          NAME
              + ": unknown score function '"
              + scoreFunction
              + "'; expected one of "
              + String.join(", ", SCORE_FUNCTIONS));
    }
    if (k < 1) {
      throw new IllegalArgumentException(NAME + ": k must be at least 1, got " + k);
    }
    this.scoreFunction = scoreFunction;
    this.k = k;
    this.target = target;
    this.seed = seed;
  }

  @Override
  public SelectKBest fit(Table table) {
    Table features = table.drop(target);
    if (k > features.columnCount()) {
      throw new IllegalArgumentException(
          NAME
              + ".fit: k = "
              + k
              + " but the table has only "
              + features.columnCount()
              + " feature columns besides the target '"
              + target
              + "'");
    }
    double[][] x = new double[features.columnCount()][];
    for (int f = 0; f < x.length; f++) {
      NumericColumn column = FittedColumns.numeric(NAME, features.columns().get(f));
      MissingValues.requireNone(NAME + ".fit", column);
      x[f] = column.toArray();
    }
    Column targetColumn = table.column(target);
    MissingValues.requireNone(NAME + ".fit", targetColumn);
    double[] newScores =
        switch (scoreFunction) {
          case "f_regression" -> UnivariateScores.fRegression(x, numericTarget(targetColumn));
          case "mutual_info_regression" ->
              MutualInformation.regression(x, numericTarget(targetColumn), seed);
          default -> scoreClasses(x, targetColumn);
        };
    columns = features.columnNames();
    scores = newScores;
    selected = best(columns, newScores);
    return this;
  }

  private double[] scoreClasses(double[][] x, Column targetColumn) {
    Map<String, Integer> labels = new HashMap<>();
    int[] classes = new int[targetColumn.size()];
    for (int row = 0; row < classes.length; row++) {
      classes[row] = labels.computeIfAbsent(targetColumn.format(row), label -> labels.size());
    }
    if (labels.size() < 2) {
      throw new IllegalArgumentException(
          NAME
              + ".fit: the target '"
              + target
              + "' has a single "
              + "class; "
              + scoreFunction
              + " needs at least two");
    }
    return scoreFunction.equals("f_classif")
        ? UnivariateScores.fClassif(x, classes, labels.size())
        : MutualInformation.classification(x, classes, labels.size(), seed);
  }

  private double[] numericTarget(Column column) {
    if (column instanceof NumericColumn numeric) {
      return numeric.toArray();
    }
    throw new IllegalArgumentException(
        NAME
            + ": "
            + scoreFunction
            + " needs a numeric target, "
            + "but '"
            + target
            + "' holds text (use f_classif or mutual_info_classif)");
  }

  /** The k best, as scikit-learn: a stable ascending sort (NaN lowest), the last k kept. */
  private List<String> best(List<String> names, double[] values) {
    Comparator<Integer> byScore =
        Comparator.comparingDouble(f -> Double.isNaN(values[f]) ? -Double.MAX_VALUE : values[f]);
    List<Integer> ascending = IntStream.range(0, values.length).boxed().sorted(byScore).toList();
    boolean[] kept = new boolean[values.length];
    for (int f : ascending.subList(values.length - k, values.length)) {
      kept[f] = true;
    }
    List<String> chosen = new ArrayList<>();
    for (int f = 0; f < values.length; f++) {
      if (kept[f]) {
        chosen.add(names.get(f));
      }
    }
    return List.copyOf(chosen);
  }

  @Override
  public Table transform(Table table) {
    Table features = table.hasColumn(target) ? table.drop(target) : table;
    FittedColumns.match(NAME, FittedColumns.require(columns, NAME), features);
    return features.select(selected);
  }

  @Override
  public boolean isFitted() {
    return selected != null;
  }

  /** The kept columns, in input order. */
  public List<String> selected() {
    return FittedColumns.require(selected, NAME);
  }

  /** The score of every feature column, in input order. */
  public double[] scores() {
    return FittedColumns.require(scores, NAME).clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("scoreFunction", scoreFunction);
    json.put("k", k);
    json.put("target", target);
    json.put("seed", seed);
    if (selected != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("scores", JsonFields.doubles(scores));
      json.put("selected", JsonFields.strings(selected));
    }
    return json;
  }

  public static SelectKBest fromJson(Map<String, ?> json) {
    SelectKBest selector =
        new SelectKBest(
            JsonFields.text(json, "scoreFunction"),
            JsonFields.integer(json, "k"),
            JsonFields.text(json, "target"),
            JsonFields.integer(json, "seed", 0));
    if (json.containsKey("columns")) {
      selector.columns = JsonFields.readStrings(json, "columns");
      selector.scores = JsonFields.readDoubles(json, "scores");
      selector.selected = JsonFields.readStrings(json, "selected");
    }
    return selector;
  }
}
