package dev.lamina;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operations that move elements without changing them: reshape, permute, concat, slice, and detach
 * (the same elements, cut off from the graph).
 */
final class Reshaping {
  private Reshaping() {}

  static Tensor detach(Tensor x) {
    if (!x.mutable && x.gradFn() == null) {
      return x;
    }
    Tensor hit = Workspace.reuse("detach", x, null, null, 0, null);
    if (hit != null) {
      if (x.mutable) {
        System.arraycopy(
            x.floats != null ? x.floats : x.doubles,
            0,
            hit.floats != null ? hit.floats : hit.doubles,
            0,
            (int) x.size());
      }
      return hit;
    }
    return Workspace.remember(
        x.floats != null
            ? Storage.raw(x.shape, x.mutable ? x.floats.clone() : x.floats)
            : Storage.raw(x.shape, x.mutable ? x.doubles.clone() : x.doubles));
  }

  static Tensor reshape(Tensor x, int[] requested) {
    if (!x.mutable) {
      // a view: nothing to recompute, only the same tensor to find again
      Tensor hit = Workspace.reuse("reshape", x, null, null, Arrays.hashCode(requested), null);
      if (hit == null) {
        return Workspace.remember(view(x, requested), requested.clone());
      }
      if (Arrays.equals((int[]) Workspace.state(), requested)) {
        return hit;
      }
    }
    return view(x, requested);
  }

  private static Tensor view(Tensor x, int[] requested) {
    int[] shape = resolve(x, requested);
    if (Arrays.equals(shape, x.shape) && !x.mutable) {
      return x;
    }
    Tensor source = x.mutable ? x.detach() : x;
    Tensor y =
        source.floats != null
            ? Storage.raw(shape, source.floats)
            : Storage.raw(shape, source.doubles);
    int[] original = x.shape;
    return GradFn.record(y, "reshape", g -> List.of(g.reshape(original)), x);
  }

  private static int[] resolve(Tensor x, int[] requested) {
    int[] shape = requested.clone();
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1 && inferred < 0) {
        inferred = i;
      } else if (shape[i] < 0) {
        throw new IllegalArgumentException(
            "reshape: invalid shape "
                + Arrays.toString(requested)
                + " (at most one -1, no other negative dimension)");
      } else {
        known *= shape[i];
      }
    }
    if (inferred >= 0 && known > 0 && x.size() % known == 0) {
      shape[inferred] = (int) (x.size() / known);
      known = x.size();
    }
    if (known != x.size() || (inferred >= 0 && shape[inferred] < 0)) {
      throw new ShapeMismatchException(
          "reshape: cannot reshape shape "
              + Arrays.toString(x.shape)
              + " ("
              + x.size()
              + " elements) into "
              + Arrays.toString(requested));
    }
    return shape;
  }

  static Tensor reverseAxes(Tensor x) {
    int[] reversed = new int[x.shape.length];
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = reversed.length - 1 - i;
    }
    return permute(x, reversed);
  }

  static Tensor permute(Tensor x, int[] axes) {
    int rank = x.shape.length;
    int[] inverse = new int[rank];
    Arrays.fill(inverse, -1);
    if (axes.length != rank) {
      throw badPermutation(x, axes);
    }
    for (int i = 0; i < rank; i++) {
      if (axes[i] < 0 || axes[i] >= rank || inverse[axes[i]] >= 0) {
        throw badPermutation(x, axes);
      }
      inverse[axes[i]] = i;
    }
    int[] shape = new int[rank];
    int[] sourceStrides = new int[rank];
    for (int i = 0; i < rank; i++) {
      shape[i] = x.shape[axes[i]];
      sourceStrides[i] = Axis.inner(x.shape, axes[i]);
    }
    Tensor y = RowMajor.gather(x, RowMajor.offsets(shape, sourceStrides), shape);
    return GradFn.record(y, "permute", g -> List.of(g.permute(inverse)), x);
  }

  private static IllegalArgumentException badPermutation(Tensor x, int[] axes) {
    return new IllegalArgumentException(
        "permute: "
            + Arrays.toString(axes)
            + " is not a permutation of the axes of shape "
            + Arrays.toString(x.shape));
  }

  static Tensor concat(List<Tensor> tensors, int axis) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    boolean anyDouble = tensors.stream().anyMatch(t -> t.dtype == DType.FLOAT64);
    List<Tensor> parts = new ArrayList<>();
    for (Tensor t : tensors) {
      parts.add(anyDouble ? t.to(DType.FLOAT64) : t);
    }
    Tensor first = parts.get(0);
    int ax = Axis.normalize("concat", axis, first.shape);
    int[] shape = first.shape.clone();
    shape[ax] = 0;
    for (Tensor t : parts) {
      checkConcatenable(first, t, ax);
      shape[ax] += t.shape[ax];
    }
    int outer = Axis.outer(shape, ax);
    int outRow = shape[ax] * Axis.inner(shape, ax);
    Object out = anyDouble ? new double[outer * outRow] : new float[outer * outRow];
    int[] offsets = new int[parts.size() + 1];
    for (int p = 0; p < parts.size(); p++) {
      Tensor t = parts.get(p);
      int row = t.shape[ax] * Axis.inner(shape, ax);
      Object source = anyDouble ? t.doubles : t.floats;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(source, o * row, out, o * outRow + offsets[p], row);
      }
      offsets[p + 1] = offsets[p] + row;
    }
    Tensor y = anyDouble ? Storage.raw(shape, (double[]) out) : Storage.raw(shape, (float[]) out);
    return GradFn.record(
        y,
        "concat",
        g -> {
          List<Tensor> grads = new ArrayList<>();
          int start = 0;
          for (Tensor t : parts) {
            grads.add(g.slice(ax, start, start + t.shape[ax]));
            start += t.shape[ax];
          }
          return grads;
        },
        parts.toArray(new Tensor[0]));
  }

  private static void checkConcatenable(Tensor first, Tensor t, int axis) {
    boolean compatible = first.shape.length == t.shape.length;
    for (int i = 0; compatible && i < t.shape.length; i++) {
      compatible = i == axis || first.shape[i] == t.shape[i];
    }
    if (!compatible) {
      throw ShapeMismatchException.of(
          "concat", "cannot join along axis " + axis + " shapes", first.shape, t.shape);
    }
  }

  static Tensor slice(Tensor x, int axis, int start, int end) {
    int ax = Axis.normalize("slice", axis, x.shape);
    if (start < 0 || start > end || end > x.shape[ax]) {
      throw new IllegalArgumentException(
          "slice: range ["
              + start
              + ", "
              + end
              + ") does not fit axis "
              + axis
              + " of shape "
              + Arrays.toString(x.shape));
    }
    int[] shape = x.shape.clone();
    shape[ax] = end - start;
    int outer = Axis.outer(x.shape, ax);
    int inner = Axis.inner(x.shape, ax);
    int inRow = x.shape[ax] * inner;
    int outRow = shape[ax] * inner;
    Object source = x.floats != null ? x.floats : x.doubles;
    Object out = x.floats != null ? new float[outer * outRow] : new double[outer * outRow];
    for (int o = 0; o < outer; o++) {
      System.arraycopy(source, o * inRow + start * inner, out, o * outRow, outRow);
    }
    Tensor y =
        x.floats != null ? Storage.raw(shape, (float[]) out) : Storage.raw(shape, (double[]) out);
    return GradFn.record(y, "slice", g -> List.of(padAlong(g, x, ax, start, end)), x);
  }

  /** The gradient of a slice: {@code g} placed at [start, end) with zeros around it. */
  private static Tensor padAlong(Tensor g, Tensor x, int axis, int start, int end) {
    int[] before = x.shape.clone();
    before[axis] = start;
    int[] after = x.shape.clone();
    after[axis] = x.shape[axis] - end;
    return concat(List.of(Tensor.zeros(g.dtype, before), g, Tensor.zeros(g.dtype, after)), axis);
  }
}
