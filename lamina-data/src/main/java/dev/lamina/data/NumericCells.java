package dev.lamina.data;

import dev.lamina.ColumnValues;

/** How a {@link NumericColumn} holds its values: one double each, or a one-hot indicator. */
sealed interface NumericCells extends ColumnValues permits DenseCells, IndicatorCells {

  int size();

  double get(int row);

  /** The first row whose value is missing (NaN), or -1 when none is. */
  int firstMissing();

  /** The cells at the given rows, in that order. */
  NumericCells rows(int[] indices);

  /** The values in a new array. */
  double[] toArray();

  /** The values as an array that must not be changed: the held one when there is one. */
  double[] asArray();
}
