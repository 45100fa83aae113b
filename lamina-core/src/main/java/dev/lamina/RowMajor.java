package dev.lamina;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Row-major layout: sizes of shapes, flat indices, and rows flattened into one array. */
final class RowMajor {
  private RowMajor() {}

  /** The number of elements of {@code shape}, checked to be non-negative and to fit an array. */
  static int size(String op, int[] shape) {
    long size = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException(
            op + ": negative dimension in shape " + Arrays.toString(shape));
      }
      size *= dim;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            op + ": shape " + Arrays.toString(shape) + " is too large");
      }
    }
    return (int) size;
  }

  static void checkLength(String op, int length, int[] shape) {
    int size = size(op, shape);
    if (size != length) {
      throw new IllegalArgumentException(
          op
              + ": shape "
              + Arrays.toString(shape)
              + " holds "
              + size
              + " elements but data has "
              + length);
    }
  }

  static int flatIndex(String op, int[] index, int[] shape) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          op
              + ": index has "
              + index.length
              + " axes, tensor of shape "
              + Arrays.toString(shape)
              + " has "
              + shape.length);
    }
    int flat = 0;
    for (int axis = 0; axis < shape.length; axis++) {
      if (index[axis] < 0 || index[axis] >= shape[axis]) {
        throw new IndexOutOfBoundsException(
            op
                + ": index "
                + index[axis]
                + " on axis "
                + axis
                + " of shape "
                + Arrays.toString(shape));
      }
      flat = flat * shape[axis] + index[axis];
    }
    return flat;
  }

  /** The flat index 0 of a one-element shape, which is all a scalar reading may see. */
  static int onlyIndex(String op, int[] shape) {
    if (size(op, shape) != 1) {
      throw new IllegalStateException(
          op + ": needs exactly one element, tensor has shape " + Arrays.toString(shape));
    }
    return 0;
  }

  /**
   * For each element of {@code shape} in row-major order, the offset Σ index[axis]·strides[axis]:
   * an odometer that adds a stride per step and takes back a whole axis when it wraps.
   */
  static int[] offsets(int[] shape, int[] strides) {
    int[] offsets = new int[Axis.product(shape)];
    int[] index = new int[shape.length];
    int offset = 0;
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = offset;
      for (int axis = shape.length - 1; axis >= 0; axis--) {
        offset += strides[axis];
        if (++index[axis] < shape[axis]) {
          break;
        }
        offset -= strides[axis] * shape[axis];
        index[axis] = 0;
      }
    }
    return offsets;
  }

  /** A new tensor of {@code shape} whose element i is {@code x}'s element {@code sources[i]}. */
  static Tensor gather(Tensor x, int[] sources, int[] shape) {
    Tensor out =
        x.floats != null
            ? Storage.raw(shape, new float[sources.length])
            : Storage.raw(shape, new double[sources.length]);
    gather(x, sources, out);
    return out;
  }

  /** The same into {@code out}, a tensor of x's type with {@code sources.length} elements. */
  static void gather(Tensor x, int[] sources, Tensor out) {
    if (x.floats != null) {
      for (int i = 0; i < sources.length; i++) {
        out.floats[i] = x.floats[sources[i]];
      }
    } else {
      for (int i = 0; i < sources.length; i++) {
        out.doubles[i] = x.doubles[sources[i]];
      }
    }
  }

  static float[][] rows(float[] values, int[] shape) {
    if (shape.length != 2) {
      throw new IllegalStateException(
          "toArray2d: needs rank 2, tensor has shape " + Arrays.toString(shape));
    }
    float[][] rows = new float[shape[0]][shape[1]];
    for (int r = 0; r < shape[0]; r++) {
      System.arraycopy(values, r * shape[1], rows[r], 0, shape[1]);
    }
    return rows;
  }

  /** Rows per block of {@link #fromColumns}: 64 rows of 250 columns are 64 KB, well inside L2. */
  private static final int TRANSPOSE_ROWS = 64;

  /** The shape [rows, columns] of an array of rows, which must all have the same length. */
  static int[] shapeOf(Object[] rows) {
    return new int[] {rows.length, commonLength("Tensor.of", "row", rows)};
  }

  /** The shape [rows, columns] of an array of columns, which must all have the same length. */
  static int[] shapeOfColumns(double[][] columns) {
    String op = "Tensor.ofColumns";
    return shapeOfColumns(op, commonLength(op, "column", columns), columns.length);
  }

  /** The shape [rows, columns], checked to fit one array. */
  static int[] shapeOfColumns(String op, int rows, int columns) {
    if (rows < 0) {
      throw new IllegalArgumentException(op + ": rows must be >= 0, got " + rows);
    }
    int[] shape = {rows, columns};
    size(op, shape);
    return shape;
  }

  /** Each array as a column read by {@link #fromColumns}. */
  static List<ColumnValues> readers(double[][] columns) {
    List<ColumnValues> readers = new ArrayList<>(columns.length);
    for (double[] column : columns) {
      readers.add((from, to, into) -> System.arraycopy(column, from, into, 0, to - from));
    }
    return readers;
  }

  private static int commonLength(String op, String part, Object[] arrays) {
    int length = arrays.length == 0 ? 0 : Array.getLength(arrays[0]);
    for (int i = 1; i < arrays.length; i++) {
      int other = Array.getLength(arrays[i]);
      if (other != length) {
        throw new IllegalArgumentException(
            op + ": " + part + " " + i + " has " + other + " values, " + part + " 0 has " + length);
      }
    }
    return length;
  }

  /**
   * Columns laid out row by row, a block of rows at a time: a whole column at a time strides across
   * the result, a cache miss per value (119,390 × 253: 104 → 82 ms once compiled).
   */
  static float[] fromColumns(int rows, List<? extends ColumnValues> columns) {
    int width = columns.size();
    float[] flat = new float[rows * width];
    double[] block = new double[TRANSPOSE_ROWS];
    for (int from = 0; from < rows; from += TRANSPOSE_ROWS) {
      int to = Math.min(rows, from + TRANSPOSE_ROWS);
      for (int c = 0; c < width; c++) {
        columns.get(c).read(from, to, block);
        for (int r = from; r < to; r++) {
          flat[r * width + c] = (float) block[r - from];
        }
      }
    }
    return flat;
  }

  static float[] flatten(float[][] rows) {
    int columns = shapeOf(rows)[1];
    float[] flat = new float[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * columns, columns);
    }
    return flat;
  }

  static float[] flatten(double[][] rows) {
    int columns = shapeOf(rows)[1];
    float[] flat = new float[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns; c++) {
        flat[r * columns + c] = (float) rows[r][c];
      }
    }
    return flat;
  }
}
