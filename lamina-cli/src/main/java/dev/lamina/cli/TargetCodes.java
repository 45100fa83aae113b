package dev.lamina.cli;

import dev.lamina.Tensor;
import dev.lamina.data.Column;
import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Target columns as network targets: regression values as they are; class labels as codes in sorted
 * label order (numbers sorted as numbers), as scikit-learn's LabelEncoder assigns them.
 */
final class TargetCodes {
  private TargetCodes() {}

  static List<String> learn(Column labels) {
    Comparator<String> order =
        labels.type() == ColumnType.NUMERIC
            ? Comparator.comparingDouble(Double::parseDouble)
            : Comparator.naturalOrder();
    TreeSet<String> distinct = new TreeSet<>(order);
    for (int row = 0; row < labels.size(); row++) {
      if (!labels.isMissing(row)) {
        distinct.add(labels.format(row));
      }
    }
    return new ArrayList<>(distinct);
  }

  /**
   * Fails before training when a classification target cannot be learnt: a single class, or a
   * binary task whose target has other than two values.
   */
  static void requireClasses(Column labels, Task task, String source) {
    List<String> classes = learn(labels);
    if (classes.size() < 2) {
      throw new BadInputException(
          source
              + ": the target column '"
              + labels.name()
              + "' holds one class only ("
              + classes
              + "); a classifier needs at least two");
    }
    if (task == Task.BINARY && classes.size() != 2) {
      throw new BadInputException(
          "--task binary needs a target with exactly 2 classes; '"
              + labels.name()
              + "' has "
              + classes.size()
              + ": "
              + shortList(classes)
              + " (use --task multiclass)");
    }
  }

  private static String shortList(List<String> classes) {
    int shown = 10;
    return classes.size() <= shown
        ? classes.toString()
        : classes.subList(0, shown).toString().replace("]", ", ...]");
  }

  static Tensor encode(Column labels, List<String> classes) {
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      codes.put(classes.get(i), i);
    }
    float[] out = new float[labels.size()];
    for (int row = 0; row < out.length; row++) {
      Integer code = labels.isMissing(row) ? null : codes.get(labels.format(row));
      if (code == null) {
        throw new BadInputException(
            "target column '"
                + labels.name()
                + "' row "
                + (row + 1)
                + " holds "
                + (labels.isMissing(row) ? "no label" : "the label \"" + labels.format(row) + "\"")
                + "; the model knows "
                + classes);
      }
      out[row] = code;
    }
    return Tensor.of(out, out.length, 1);
  }

  static Tensor values(Column target) {
    if (!(target instanceof NumericColumn numbers)) {
      throw new BadInputException(
          "target column '"
              + target.name()
              + "' holds text; a regression needs numbers (use --task binary or multiclass)");
    }
    float[] out = new float[numbers.size()];
    for (int row = 0; row < out.length; row++) {
      if (numbers.isMissing(row)) {
        throw new BadInputException(
            "target column '" + target.name() + "' row " + (row + 1) + " has no value");
      }
      out[row] = (float) numbers.get(row);
    }
    return Tensor.of(out, out.length, 1);
  }
}
