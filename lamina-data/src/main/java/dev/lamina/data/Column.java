package dev.lamina.data;

/**
 * One named column of a {@link Table}: numbers (missing = NaN) or strings (missing = null). Columns
 * are immutable; operations return new columns.
 */
public sealed interface Column permits NumericColumn, StringColumn {

  String name();

  int size();

  ColumnType type();

  boolean isMissing(int row);

  /** The number of missing cells. */
  default int missingCount() {
    int count = 0;
    for (int row = 0; row < size(); row++) {
      if (isMissing(row)) {
        count++;
      }
    }
    return count;
  }

  /** The same values under another name. */
  Column renamed(String newName);

  /** The rows at the given indices, in that order. */
  Column rows(int[] indices);

  /** The cell as text: numbers without a trailing ".0" when integral, missing as "NA". */
  String format(int row);
}
