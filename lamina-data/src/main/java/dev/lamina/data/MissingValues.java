package dev.lamina.data;

/** The check of steps that, like their scikit-learn models, refuse missing values. */
final class MissingValues {
  private MissingValues() {}

  /** Throws naming {@code where} (e.g. "PCA.fit"), the column and the first missing row. */
  static void requireNone(String where, Column column) {
    for (int row = 0; row < column.size(); row++) {
      if (column.isMissing(row)) {
        throw new IllegalArgumentException(where + ": column '" + column.name()
            + "' has a missing value at row " + row + "; impute it first");
      }
    }
  }
}
