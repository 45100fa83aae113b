package dev.lamina.constraints;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * What the norm constraints share: the Euclidean norm of every slice over the given axes (Keras's
 * {@code sqrt(sum(square(w), axis, keepdims=True))}), and each slice multiplied by {@code
 * desired(norm) / (epsilon + norm)}, with Keras's epsilon in the denominator even when the norm
 * already fits.
 */
final class NormScaling {
  /** Keras's backend.epsilon(). */
  private static final float EPSILON = 1e-7f;

  private NormScaling() {}

  /** The reduced axes (negative ones count from the end), at least one. */
  static List<Integer> validAxes(String className, List<Integer> axes) {
    if (axes.isEmpty()) {
      throw new IllegalArgumentException(className + ": option 'axis' must name at least one axis");
    }
    return List.copyOf(axes);
  }

  /** Keras's form of the axes: one integer, or a list when there are several. */
  static Object axisConfig(List<Integer> axes) {
    return axes.size() == 1 ? axes.get(0) : axes;
  }

  static void requireFits(String className, List<Integer> axes, String weight, int[] shape) {
    for (int axis : axes) {
      if (axis < -shape.length || axis >= shape.length) {
        throw new IllegalArgumentException(
            className
                + ": axis "
                + axis
                + " is outside weight '"
                + weight
                + "' of shape "
                + Arrays.toString(shape)
                + " (allowed "
                + -shape.length
                + " to "
                + (shape.length - 1)
                + ")");
      }
    }
  }

  static void rescale(
      float[] values, int[] shape, List<Integer> axes, DoubleUnaryOperator desired) {
    int[] slice = sliceOf(shape, axes);
    int slices = 0;
    for (int s : slice) {
      slices = Math.max(slices, s + 1);
    }
    double[] squares = new double[slices];
    for (int i = 0; i < values.length; i++) {
      squares[slice[i]] += (double) values[i] * values[i];
    }
    float[] factors = new float[slices];
    for (int s = 0; s < slices; s++) {
      float norm = (float) Math.sqrt(squares[s]);
      factors[s] = (float) desired.applyAsDouble(norm) / (EPSILON + norm);
    }
    for (int i = 0; i < values.length; i++) {
      values[i] *= factors[slice[i]];
    }
  }

  /** For each element, the index of its slice: its position with the reduced axes left out. */
  private static int[] sliceOf(int[] shape, List<Integer> axes) {
    int rank = shape.length;
    boolean[] reduced = new boolean[rank];
    for (int axis : axes) {
      reduced[axis < 0 ? axis + rank : axis] = true;
    }
    int[] sliceStride = new int[rank];
    int size = 1;
    for (int a = rank - 1; a >= 0; a--) {
      if (!reduced[a]) {
        sliceStride[a] = size;
        size *= shape[a];
      }
    }
    int elements = 1;
    for (int dim : shape) {
      elements *= dim;
    }
    int[] slice = new int[elements];
    int[] coords = new int[rank];
    int current = 0;
    for (int i = 0; i < elements; i++) {
      slice[i] = current;
      for (int a = rank - 1; a >= 0; a--) {
        coords[a]++;
        current += sliceStride[a];
        if (coords[a] < shape[a]) {
          break;
        }
        current -= sliceStride[a] * shape[a];
        coords[a] = 0;
      }
    }
    return slice;
  }
}
