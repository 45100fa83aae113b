package dev.lamina;

import java.util.Arrays;

/** Axis arithmetic shared by reductions and shape operations. */
final class Axis {
  private Axis() {}

  /** The axis counted from the front; negative axes count from the end, as in NumPy. */
  static int normalize(String op, int axis, int[] shape) {
    int normalized = axis < 0 ? axis + shape.length : axis;
    if (normalized < 0 || normalized >= shape.length) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of range for shape " + Arrays.toString(shape));
    }
    return normalized;
  }

  /** The number of elements before {@code axis} in row-major order (product of leading dims). */
  static int outer(int[] shape, int axis) {
    int product = 1;
    for (int i = 0; i < axis; i++) {
      product *= shape[i];
    }
    return product;
  }

  /** The product of the dimensions after {@code axis}. */
  static int inner(int[] shape, int axis) {
    int product = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      product *= shape[i];
    }
    return product;
  }

  /** The shape with {@code axis} removed, or set to 1 when {@code keepDims}. */
  static int[] reduced(int[] shape, int axis, boolean keepDims) {
    if (keepDims) {
      int[] kept = shape.clone();
      kept[axis] = 1;
      return kept;
    }
    int[] removed = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        removed[j++] = shape[i];
      }
    }
    return removed;
  }

  static int product(int[] shape) {
    return outer(shape, shape.length);
  }
}
