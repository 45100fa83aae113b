package dev.lamina.data.fitting;

import dev.lamina.data.Column;

/** The check of steps that, like their scikit-learn models, refuse missing values. */
public final class MissingValues {
  private MissingValues() {}

  /** Throws naming {@code where} (e.g. "PCA.fit"), the column and the first missing row. */
  public static void requireNone(String where, Column column) {
    for (int row = 0; row < column.size(); row++) {
      if (column.isMissing(row)) {
        throw new IllegalArgumentException(
            where
                + ": column '"
                + column.name()
                + "' has a missing value at row "
                + row
                + "; impute it first");
      }
    }
  }
}
