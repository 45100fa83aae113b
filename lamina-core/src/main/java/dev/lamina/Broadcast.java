package dev.lamina;

import java.util.Arrays;

/**
 * How two shapes broadcast (NumPy rules) and the row-by-row walk over the result: the output is
 * seen as rows of its last dimension, and each input contributes a start offset per row and a
 * stride of 0 (broadcast) or 1 along the row.
 */
final class Broadcast {
  final int[] shape;
  final int rowLength;
  final int[] rowStartsA;
  final int[] rowStartsB;
  final int strideA;
  final int strideB;

  private Broadcast(int[] shape, int rowLength, int[] startsA, int[] startsB, int sa, int sb) {
    this.shape = shape;
    this.rowLength = rowLength;
    this.rowStartsA = startsA;
    this.rowStartsB = startsB;
    this.strideA = sa;
    this.strideB = sb;
  }

  static Broadcast of(String op, int[] a, int[] b) {
    int[] out = shape(op, a, b);
    int size = Axis.product(out);
    if (Arrays.equals(a, b) || Axis.product(a) == 1 || Axis.product(b) == 1) {
      // One flat row: same shapes, or a one-element operand repeated along it.
      int[] zero = {0};
      return new Broadcast(
          out, size, zero, zero, Axis.product(a) == size ? 1 : 0, Axis.product(b) == size ? 1 : 0);
    }
    int[] stridesA = strides(a, out);
    int[] stridesB = strides(b, out);
    int last = out.length - 1;
    return new Broadcast(
        out,
        out[last],
        rowStarts(stridesA, out),
        rowStarts(stridesB, out),
        stridesA[last],
        stridesB[last]);
  }

  int rows() {
    return rowStartsA.length;
  }

  /** The broadcast result shape of {@code a} and {@code b}. */
  static int[] shape(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = dimFromEnd(a, rank - 1 - i);
      int db = dimFromEnd(b, rank - 1 - i);
      if (da != db && da != 1 && db != 1) {
        throw ShapeMismatchException.of(op, "cannot broadcast shapes", a, b);
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** {@code t}'s values repeated to fill {@code target}, a shape it broadcasts to. No graph. */
  static Tensor expand(Tensor t, int[] target) {
    if (Arrays.equals(t.shape, target)) {
      return t;
    }
    if (!Arrays.equals(shape("broadcastTo", target, t.shape), target)) {
      throw ShapeMismatchException.of("broadcastTo", "cannot broadcast shape", t.shape, target);
    }
    Tensor hit = Workspace.reuse("broadcastTo", t, null, null, 0, target);
    if (hit != null) {
      RowMajor.gather(t, (int[]) Workspace.state(), hit);
      return hit;
    }
    int[] offsets = RowMajor.offsets(target, strides(t.shape, target));
    return Workspace.remember(RowMajor.gather(t, offsets, target.clone()), offsets);
  }

  /** Sums a gradient of the broadcast shape back down to {@code shape}: broadcasting's adjoint. */
  static Tensor sumTo(Tensor gradient, int[] shape) {
    Tensor reduced = gradient;
    while (reduced.rank() > shape.length) {
      reduced = reduced.sum(0, false);
    }
    for (int axis = 0; axis < shape.length; axis++) {
      if (shape[axis] == 1 && reduced.shape[axis] != 1) {
        reduced = reduced.sum(axis, true);
      }
    }
    return reduced;
  }

  /** The input offset at the start of each output row: all axes but the last. */
  private static int[] rowStarts(int[] strides, int[] out) {
    int outer = out.length - 1;
    return RowMajor.offsets(Arrays.copyOf(out, outer), Arrays.copyOf(strides, outer));
  }

  private static int dimFromEnd(int[] shape, int fromEnd) {
    int index = shape.length - 1 - fromEnd;
    return index >= 0 ? shape[index] : 1;
  }

  /** Per output axis, the input's row-major stride, or 0 where the input is broadcast. */
  private static int[] strides(int[] in, int[] out) {
    int[] strides = new int[out.length];
    int stride = 1;
    for (int i = out.length - 1, j = in.length - 1; i >= 0; i--, j--) {
      if (j >= 0) {
        strides[i] = in[j] == 1 && out[i] != 1 ? 0 : stride;
        stride *= in[j];
      }
    }
    return strides;
  }
}
