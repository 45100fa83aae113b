package dev.lamina;

import dev.lamina.kernels.Kernels;
import java.util.Arrays;
import java.util.List;

/** The matrix product of rank-2 tensors, optionally transposed, on the GEMM kernel. */
final class MatMul {
  private MatMul() {}

  static Tensor matmul(Tensor first, Tensor second, boolean transA, boolean transB) {
    Tensor a = Elementwise.promoted(first, second);
    Tensor b = Elementwise.promoted(second, first);
    if (a.rank() != 2 || b.rank() != 2) {
      throw ShapeMismatchException.of(
          "matmul", "needs two rank-2 tensors, got shapes", a.shape, b.shape);
    }
    int m = a.shape[transA ? 1 : 0];
    int k = a.shape[transA ? 0 : 1];
    int n = b.shape[transB ? 0 : 1];
    if (b.shape[transB ? 1 : 0] != k) {
      throw ShapeMismatchException.of(
          "matmul" + flags(transA, transB), "inner dimensions differ for shapes", a.shape, b.shape);
    }
    long flags = (long) (transA ? 2 : 0) + (transB ? 1 : 0);
    Tensor hit = Workspace.reuse("matmul", a, b, null, flags, null);
    if (hit != null) {
      multiply(transA, transB, m, n, k, a, b, hit);
      return hit;
    }
    int[] shape = {m, n};
    Tensor c =
        a.floats != null
            ? Storage.raw(shape, new float[m * n])
            : Storage.raw(shape, new double[m * n]);
    multiply(transA, transB, m, n, k, a, b, c);
    return Workspace.remember(recorded(a, b, transA, transB, c));
  }

  /** C = op(A)·op(B) into c, which has m×n elements of A's type. */
  static void multiply(
      boolean transA, boolean transB, int m, int n, int k, Tensor a, Tensor b, Tensor c) {
    if (a.floats != null) {
      Kernels.get().gemm(transA, transB, m, n, k, a.floats, 0, b.floats, 0, c.floats, 0, false);
    } else {
      Kernels.get().gemm(transA, transB, m, n, k, a.doubles, 0, b.doubles, 0, c.doubles, 0, false);
    }
  }

  private static Tensor recorded(Tensor a, Tensor b, boolean transA, boolean transB, Tensor c) {
    return GradFn.record(
        c,
        "matmul",
        g -> {
          // C = op(A)·op(B): dop(A) = G·op(B)ᵀ and dop(B) = op(A)ᵀ·G, transposed back where needed.
          Tensor ga = transA ? b.matmul(g, transB, true) : g.matmul(b, false, !transB);
          Tensor gb = transB ? g.matmul(a, true, transA) : a.matmul(g, !transA, false);
          return List.of(ga, gb);
        },
        a,
        b);
  }

  private static String flags(boolean transA, boolean transB) {
    return transA || transB
        ? " (transposed: " + Arrays.toString(new boolean[] {transA, transB}) + ")"
        : "";
  }
}
