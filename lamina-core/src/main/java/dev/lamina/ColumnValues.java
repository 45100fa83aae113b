package dev.lamina;

import java.util.List;

/**
 * One column of a (rows, columns) tensor that {@link #tensorOf} reads a block of rows at a time, so
 * a table can hand over columns it does not hold as {@code double[]} (one-hot indicators held as
 * category codes) without expanding each of them first.
 */
@FunctionalInterface
public interface ColumnValues {

  /** Writes the values of rows [{@code from}, {@code to}) into {@code into[0, to - from)}. */
  void read(int from, int to, double[] into);

  /**
   * A ({@code rows}, columns) float32 tensor of {@code columns}, rounded to float32 and laid out a
   * block of rows at a time into the tensor's own array.
   */
  static Tensor tensorOf(int rows, List<? extends ColumnValues> columns) {
    return Storage.raw(
        RowMajor.shapeOfColumns("ColumnValues.tensorOf", rows, columns.size()),
        RowMajor.fromColumns(rows, columns));
  }
}
