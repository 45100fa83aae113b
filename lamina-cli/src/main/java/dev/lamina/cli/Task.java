package dev.lamina.cli;

import dev.lamina.data.Column;
import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import java.util.Locale;
import java.util.TreeSet;

/** The kind of prediction, with Keras's usual output layer, loss and metrics for it. */
public enum Task {
  REGRESSION(null, "mae", "mae"),
  BINARY("sigmoid", "binary_crossentropy", "accuracy"),
  MULTICLASS("softmax", "sparse_categorical_crossentropy", "accuracy");

  /** Integer targets 0…k-1 with at most this many classes count as class codes. */
  static final int MAX_CLASS_CODES = 20;

  private final String outputActivation;
  private final String defaultLoss;
  private final String metric;

  Task(String outputActivation, String defaultLoss, String metric) {
    this.outputActivation = outputActivation;
    this.defaultLoss = defaultLoss;
    this.metric = metric;
  }

  /** The activation of the last Dense layer; null for a linear output. */
  String outputActivation() {
    return outputActivation;
  }

  String defaultLoss() {
    return defaultLoss;
  }

  String metric() {
    return metric;
  }

  public boolean isClassification() {
    return this != REGRESSION;
  }

  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Task parse(String name) {
    for (Task task : values()) {
      if (task.cliName().equals(name)) {
        return task;
      }
    }
    throw new BadInputException(
        "--task must be one of regression, binary, multiclass, got '" + name + "'");
  }

  /**
   * The task to train for: {@code requested} (null: inferred from {@code labels}), checked against
   * the labels before any training (a classifier needs at least two classes; binary, exactly two).
   * {@code labels} may hold every target value or only the distinct ones.
   */
  public static Task resolve(Task requested, Column labels, String source) {
    Task task = requested != null ? requested : infer(labels);
    if (task.isClassification()) {
      TargetCodes.requireClasses(labels, task, source);
    }
    return task;
  }

  /**
   * The task a target column implies: text with two values or any two values → binary; other text,
   * or integers that are exactly the codes 0…k-1 (k ≤ {@value #MAX_CLASS_CODES}) → multiclass; any
   * other numbers → regression (so red-wine's quality 3…8 is a regression).
   */
  static Task infer(Column target) {
    TreeSet<String> distinct = new TreeSet<>();
    for (int row = 0; row < target.size() && distinct.size() <= 2; row++) {
      if (!target.isMissing(row)) {
        distinct.add(target.format(row));
      }
    }
    if (distinct.size() == 2) {
      return BINARY;
    }
    if (target.type() == ColumnType.STRING) {
      return MULTICLASS;
    }
    return isClassCodes((NumericColumn) target) ? MULTICLASS : REGRESSION;
  }

  private static boolean isClassCodes(NumericColumn column) {
    boolean[] seen = new boolean[MAX_CLASS_CODES];
    for (int row = 0; row < column.size(); row++) {
      if (column.isMissing(row)) {
        continue;
      }
      double value = column.get(row);
      if (value < 0 || value >= MAX_CLASS_CODES || value != Math.rint(value)) {
        return false;
      }
      seen[(int) value] = true;
    }
    int classes = 0;
    while (classes < MAX_CLASS_CODES && seen[classes]) {
      classes++;
    }
    for (int k = classes; k < MAX_CLASS_CODES; k++) {
      if (seen[k]) {
        return false;
      }
    }
    return classes > 2;
  }
}
