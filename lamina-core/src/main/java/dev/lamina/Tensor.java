package dev.lamina;

import java.util.Arrays;

/**
 * An n-dimensional float32 array, row-major. Rank 2 for tabular data: rows are samples.
 *
 * <p>Minimal first version holding the fixed public API; operations and automatic
 * differentiation are added on top of it.
 */
public final class Tensor {
  private final float[] data;
  private final int[] shape;

  private Tensor(float[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /** A tensor over a copy of {@code data} with the given shape. */
  public static Tensor of(float[] data, int... shape) {
    long size = checkedSize(shape);
    if (size != data.length) {
      throw new IllegalArgumentException(
          "Tensor.of: shape " + Arrays.toString(shape) + " holds " + size
              + " elements but data has " + data.length);
    }
    return new Tensor(data.clone(), shape.clone());
  }

  /** A rank-2 tensor from rows of equal length. */
  public static Tensor of(float[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "Tensor.of: row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
      }
      System.arraycopy(rows[r], 0, flat, r * cols, cols);
    }
    return new Tensor(flat, new int[] {rows.length, cols});
  }

  /** A rank-2 tensor from rows of equal length, rounded to float32. */
  public static Tensor of(double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "Tensor.of: row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        flat[r * cols + c] = (float) rows[r][c];
      }
    }
    return new Tensor(flat, new int[] {rows.length, cols});
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public long size() {
    return data.length;
  }

  public float get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "get: index has " + index.length + " axes, tensor of shape " + Arrays.toString(shape)
              + " has " + shape.length);
    }
    int flat = 0;
    for (int axis = 0; axis < shape.length; axis++) {
      if (index[axis] < 0 || index[axis] >= shape[axis]) {
        throw new IndexOutOfBoundsException(
            "get: index " + index[axis] + " on axis " + axis + " of shape "
                + Arrays.toString(shape));
      }
      flat = flat * shape[axis] + index[axis];
    }
    return data[flat];
  }

  /** A row-major copy of the values. */
  public float[] toFloatArray() {
    return data.clone();
  }

  /** The rows of a rank-2 tensor. */
  public float[][] toArray2d() {
    if (shape.length != 2) {
      throw new IllegalStateException(
          "toArray2d: needs rank 2, tensor has shape " + Arrays.toString(shape));
    }
    float[][] rows = new float[shape[0]][shape[1]];
    for (int r = 0; r < shape[0]; r++) {
      System.arraycopy(data, r * shape[1], rows[r], 0, shape[1]);
    }
    return rows;
  }

  private static long checkedSize(int[] shape) {
    long size = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      size *= dim;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
      }
    }
    return size;
  }
}
