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
 * Target columns as network targets: regression values as they are; class labels as codes in
 * sorted label order (numbers sorted as numbers), as scikit-learn's LabelEncoder assigns them.
 */
final class TargetCodes {
  private TargetCodes() {}

  static List<String> learn(Column labels) {
    Comparator<String> order = labels.type() == ColumnType.NUMERIC
        ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    TreeSet<String> distinct = new TreeSet<>(order);
    for (int row = 0; row < labels.size(); row++) {
      if (!labels.isMissing(row)) {
        distinct.add(labels.format(row));
      }
    }
    return new ArrayList<>(distinct);
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
        throw new BadInputException("target column '" + labels.name() + "' row " + (row + 1)
            + " holds " + (labels.isMissing(row) ? "no label" : "the label \""
            + labels.format(row) + "\"") + "; the model knows " + classes);
      }
      out[row] = code;
    }
    return Tensor.of(out, out.length, 1);
  }

  static Tensor values(Column target) {
    if (!(target instanceof NumericColumn numbers)) {
      throw new BadInputException("target column '" + target.name()
          + "' holds text; a regression needs numbers (use --task binary or multiclass)");
    }
    float[] out = new float[numbers.size()];
    for (int row = 0; row < out.length; row++) {
      if (numbers.isMissing(row)) {
        throw new BadInputException("target column '" + target.name() + "' row " + (row + 1)
            + " has no value");
      }
      out[row] = (float) numbers.get(row);
    }
    return Tensor.of(out, out.length, 1);
  }
}
