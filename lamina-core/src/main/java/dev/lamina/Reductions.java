package dev.lamina;

import dev.lamina.kernels.Kernels;
import java.util.List;

/** Sums and maxima over all elements or along one axis, with their backward rules. */
final class Reductions {
  private Reductions() {}

  static Tensor sumAll(Tensor x) {
    Tensor hit = Workspace.reuse("sum", x, null, null, -1, null);
    if (hit != null) {
      sumAll(x, hit);
      return hit;
    }
    Tensor y =
        x.floats != null
            ? Storage.raw(new int[0], new float[1])
            : Storage.raw(new int[0], new double[1]);
    sumAll(x, y);
    return Workspace.remember(
        GradFn.record(y, "sum", g -> List.of(Broadcast.expand(g, x.shape)), x));
  }

  private static void sumAll(Tensor x, Tensor out) {
    if (x.floats != null) {
      out.floats[0] = Kernels.get().sum(x.floats, 0, x.floats.length);
    } else {
      double total = 0;
      for (double v : x.doubles) {
        total += v;
      }
      out.doubles[0] = total;
    }
  }

  static Tensor sum(Tensor x, int axis, boolean keepDims) {
    int ax = Axis.normalize("sum", axis, x.shape);
    Tensor hit = Workspace.reuse("sum", x, null, null, 2L * ax + (keepDims ? 1 : 0), null);
    if (hit != null) {
      sumAxis(x, ax, hit);
      return hit;
    }
    int[] kept = Axis.reduced(x.shape, ax, true);
    int[] shape = Axis.reduced(x.shape, ax, keepDims);
    int size = Axis.product(shape);
    Tensor y =
        x.floats != null
            ? Storage.raw(shape, new float[size])
            : Storage.raw(shape, new double[size]);
    sumAxis(x, ax, y);
    return Workspace.remember(
        GradFn.record(y, "sum", g -> List.of(Broadcast.expand(g.reshape(kept), x.shape)), x));
  }

  /**
   * Σ a·b over every element of two tensors of one shape, as a one-element tensor of {@code shape}:
   * the gradient of a product with one value (a custom layer's {@code x.mul(scale)}) in one pass
   * that writes no product.
   */
  static Tensor sumOfProducts(Tensor a, Tensor b, int[] shape) {
    Tensor hit = Workspace.reuse("sumOfProducts", a, b, null, 0, shape);
    if (hit != null) {
      sumOfProducts(a, b, hit);
      return hit;
    }
    Tensor y =
        a.floats != null ? Storage.raw(shape, new float[1]) : Storage.raw(shape, new double[1]);
    sumOfProducts(a, b, y);
    return Workspace.remember(
        GradFn.record(y, "sumOfProducts", g -> List.of(b.mul(g), a.mul(g)), a, b));
  }

  private static void sumOfProducts(Tensor a, Tensor b, Tensor out) {
    if (a.floats != null) {
      out.floats[0] = Kernels.get().dot(a.floats, 0, b.floats, 0, a.floats.length);
      return;
    }
    double total = 0;
    for (int i = 0; i < a.doubles.length; i++) {
      total += a.doubles[i] * b.doubles[i];
    }
    out.doubles[0] = total;
  }

  /** Along the middle of an (outer, n, inner) view; float32 rows on the kernels. */
  private static void sumAxis(Tensor x, int ax, Tensor y) {
    int outer = Axis.outer(x.shape, ax);
    int n = x.shape[ax];
    int inner = Axis.inner(x.shape, ax);
    if (x.floats != null) {
      Kernels kernels = Kernels.get();
      float[] out = y.floats;
      if (inner > 1 && outer == 1) {
        kernels.sumColumns(x.floats, 0, n, inner, out, 0);
        return;
      }
      java.util.Arrays.fill(out, 0f);
      for (int o = 0; o < outer; o++) {
        if (inner == 1) {
          out[o] = kernels.sum(x.floats, o * n, n);
          continue;
        }
        for (int k = 0; k < n; k++) {
          kernels.add(out, o * inner, x.floats, (o * n + k) * inner, out, o * inner, inner);
        }
      }
      return;
    }
    double[] out = y.doubles;
    java.util.Arrays.fill(out, 0);
    for (int o = 0; o < outer; o++) {
      for (int k = 0; k < n; k++) {
        for (int i = 0, src = (o * n + k) * inner; i < inner; i++) {
          out[o * inner + i] += x.doubles[src + i];
        }
      }
    }
  }

  static Tensor max(Tensor x, int axis, boolean keepDims) {
    int ax = Axis.normalize("max", axis, x.shape);
    if (x.shape[ax] == 0) {
      throw new IllegalArgumentException(
          "max: axis " + axis + " of shape " + java.util.Arrays.toString(x.shape) + " is empty");
    }
    Tensor hit = Workspace.reuse("max", x, null, null, 2L * ax + (keepDims ? 1 : 0), null);
    if (hit != null) {
      // the backward rule reads these winners: refill the same array
      int[] winners = (int[]) Workspace.state();
      argmaxIndices(x, ax, winners);
      RowMajor.gather(x, winners, hit);
      return hit;
    }
    int[] winners = argmaxIndices(x, ax);
    int[] shape = Axis.reduced(x.shape, ax, keepDims);
    Tensor y = RowMajor.gather(x, winners, shape);
    return Workspace.remember(
        GradFn.record(y, "max", g -> List.of(scatter(g, winners, x)), x), winners);
  }

  static Tensor argmax(Tensor x, int axis) {
    int ax = Axis.normalize("argmax", axis, x.shape);
    int n = x.shape[ax];
    int inner = Axis.inner(x.shape, ax);
    int[] winners = argmaxIndices(x, ax);
    float[] out = new float[winners.length];
    for (int p = 0; p < out.length; p++) {
      out[p] = (winners[p] / inner) % n;
    }
    return Storage.raw(Axis.reduced(x.shape, ax, false), out);
  }

  /** Per output position, the flat input index of the first maximum; NaN wins, as in NumPy. */
  private static int[] argmaxIndices(Tensor x, int axis) {
    int[] winners = new int[Axis.outer(x.shape, axis) * Axis.inner(x.shape, axis)];
    argmaxIndices(x, axis, winners);
    return winners;
  }

  private static void argmaxIndices(Tensor x, int axis, int[] winners) {
    int outer = Axis.outer(x.shape, axis);
    int n = x.shape[axis];
    int inner = Axis.inner(x.shape, axis);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int best = o * n * inner + i;
        for (int k = 1; k < n; k++) {
          int candidate = (o * n + k) * inner + i;
          double value = x.at(candidate);
          double current = x.at(best);
          if (value > current || (Double.isNaN(value) && !Double.isNaN(current))) {
            best = candidate;
          }
        }
        winners[o * inner + i] = best;
      }
    }
  }

  /** A zero tensor shaped like {@code x} with {@code g}'s values at the winning positions. */
  private static Tensor scatter(Tensor g, int[] winners, Tensor x) {
    Tensor out = Tensor.zeros(x.dtype, x.shape);
    Tensor values = g.to(x.dtype);
    for (int p = 0; p < winners.length; p++) {
      if (out.floats != null) {
        out.floats[winners[p]] = values.floats[p];
      } else {
        out.doubles[winners[p]] = values.doubles[p];
      }
    }
    return out;
  }
}
