package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

/** One random GEMM problem with padded arrays, run against any kernels and compared. */
record GemmCase(int m, int n, int k, int offset, float[] a, float[] b, float[] c0) {
  static final float SENTINEL = -12345f;

  static GemmCase random(int m, int n, int k, int offset, Random random) {
    return new GemmCase(
        m,
        n,
        k,
        offset,
        filled(offset + m * k + 3, random),
        filled(offset + k * n + 3, random),
        filled(offset + m * n + 3, random));
  }

  private static float[] filled(int length, Random random) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }

  /** Runs C (+)= op(A)·op(B) with C's neighbourhood set to {@link #SENTINEL}. */
  float[] run(Kernels kernels, boolean transA, boolean transB, boolean accumulate) {
    float[] c = c0.clone();
    Arrays.fill(c, 0, offset, SENTINEL);
    Arrays.fill(c, offset + m * n, c.length, SENTINEL);
    kernels.gemm(transA, transB, m, n, k, a, offset, b, offset, c, offset, accumulate);
    return c;
  }

  /** C = op(A)·op(B) computed in double, laid out like {@link #run}'s result. */
  float[] doubleProduct(boolean transA, boolean transB) {
    float[] c = c0.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (double) at(a, transA, i, p, m, k) * at(b, transB, p, j, k, n);
        }
        c[offset + i * n + j] = (float) s;
      }
    }
    return c;
  }

  /** |expected − actual| ≤ 1e-4·(Σ|a·b| + |c|) + 1e-6 on every element of C. */
  void assertClose(float[] expected, float[] actual, boolean transA, boolean transB) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double magnitude = Math.abs(c0[offset + i * n + j]);
        for (int p = 0; p < k; p++) {
          magnitude += Math.abs((double) at(a, transA, i, p, m, k) * at(b, transB, p, j, k, n));
        }
        int e = offset + i * n + j;
        double tolerance = 1e-4 * magnitude + 1e-6;
        if (!(Math.abs(expected[e] - actual[e]) <= tolerance)) {
          fail(
              "gemm m="
                  + m
                  + " n="
                  + n
                  + " k="
                  + k
                  + " transA="
                  + transA
                  + " transB="
                  + transB
                  + ": C["
                  + i
                  + ","
                  + j
                  + "] expected "
                  + expected[e]
                  + " got "
                  + actual[e]
                  + " (tolerance "
                  + tolerance
                  + ")");
        }
      }
    }
  }

  /** Element (row, col) of op(X), where op(X) is rows×cols and X is stored transposed if asked. */
  private float at(float[] x, boolean transposed, int row, int col, int rows, int cols) {
    return transposed ? x[offset + col * rows + row] : x[offset + row * cols + col];
  }
}
