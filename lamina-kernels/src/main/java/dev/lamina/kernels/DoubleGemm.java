package dev.lamina.kernels;

import java.util.Arrays;

/**
 * Double GEMM for float64 models: {@link BlockedGemm}'s blocking around {@link DoubleMicroKernel}.
 */
final class DoubleGemm extends BlockedGemm<double[]> {
  static final DoubleGemm INSTANCE = new DoubleGemm();

  private DoubleGemm() {
    super(GemmShape.ACTIVE, Double.SIZE);
  }

  @Override
  double[] newArray(int length) {
    return new double[length];
  }

  @Override
  int length(double[] array) {
    return array.length;
  }

  @Override
  void zero(double[] c, int cOffset, int m, int n) {
    Arrays.fill(c, cOffset, cOffset + m * n, 0.0);
  }

  /** By rows of op(A), each read in stored order: one output column is little work either way. */
  @Override
  void gemv(
      boolean transA,
      int m,
      int k,
      double[] a,
      int aOffset,
      double[] x,
      int xOffset,
      double[] c,
      int cOffset,
      boolean accumulate) {
    if (!accumulate) {
      Arrays.fill(c, cOffset, cOffset + m, 0.0);
    }
    if (transA) {
      for (int p = 0; p < k; p++) {
        double xp = x[xOffset + p];
        int row = aOffset + p * m;
        for (int i = 0; i < m; i++) {
          c[cOffset + i] += a[row + i] * xp;
        }
      }
    } else {
      for (int i = 0; i < m; i++) {
        double dot = 0;
        int row = aOffset + i * k;
        for (int p = 0; p < k; p++) {
          dot += a[row + p] * x[xOffset + p];
        }
        c[cOffset + i] += dot;
      }
    }
  }

  @Override
  void packA(
      boolean transA,
      double[] a,
      int aOffset,
      int m,
      int k,
      int i0,
      int mc,
      int p0,
      int kc,
      int steps,
      double[] dest) {
    DoublePacking.packA(transA, a, aOffset, m, k, i0, mc, p0, kc, steps, dest);
  }

  @Override
  void packB(
      boolean transB,
      double[] b,
      int bOffset,
      int n,
      int k,
      int p0,
      int kc,
      int steps,
      int j0,
      int nc,
      double[] dest) {
    DoublePacking.packB(transB, b, bOffset, n, k, p0, kc, steps, j0, nc, dest);
  }

  @Override
  void multiply(
      int kc,
      double[] a,
      int aOffset,
      int rowStride,
      int stepStride,
      double[] bp,
      int bOffset,
      double[] tile) {
    DoubleMicroKernel.multiply(kc, a, aOffset, rowStride, stepStride, bp, bOffset, tile);
  }

  @Override
  void multiplyPacked(
      int steps, double[] ap, int aOffset, double[] bp, int bOffset, double[] tile) {
    DoublePackedKernel.multiply(steps, ap, aOffset, bp, bOffset, tile);
  }

  @Override
  void storeTile(double[] tile, double[] c, int cOffset, int ldc, boolean addToC) {
    DoubleMicroKernel.storeTile(tile, c, cOffset, ldc, addToC);
  }

  @Override
  void storeEdge(
      double[] tile, double[] c, int cOffset, int ldc, int tileRows, int tileCols, boolean addToC) {
    for (int r = 0; r < tileRows; r++) {
      for (int j = 0; j < tileCols; j++) {
        int ci = cOffset + r * ldc + j;
        double t = tile[r * cols + j];
        c[ci] = addToC ? c[ci] + t : t;
      }
    }
  }

  @Override
  void storeTransposed(double[] t, double[] c, int cOffset, int m, int n, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      int row = cOffset + i * n;
      for (int j = 0; j < n; j++) {
        c[row + j] = accumulate ? c[row + j] + t[j * m + i] : t[j * m + i];
      }
    }
  }
}
