package dev.lamina.kernels;

import java.util.Arrays;

/** Float GEMM: {@link BlockedGemm}'s blocking around {@link GemmMicroKernel}. */
final class VectorGemm extends BlockedGemm<float[]> {
  static final VectorGemm INSTANCE = new VectorGemm();

  private VectorGemm() {
    super(GemmShape.ACTIVE, Float.SIZE);
  }

  @Override
  float[] newArray(int length) {
    return new float[length];
  }

  @Override
  int length(float[] array) {
    return array.length;
  }

  @Override
  void zero(float[] c, int cOffset, int m, int n) {
    Arrays.fill(c, cOffset, cOffset + m * n, 0f);
  }

  @Override
  void gemv(
      boolean transA,
      int m,
      int k,
      float[] a,
      int aOffset,
      float[] x,
      int xOffset,
      float[] c,
      int cOffset,
      boolean accumulate) {
    VectorGemv.multiply(transA, m, k, a, aOffset, x, xOffset, c, cOffset, accumulate);
  }

  @Override
  void packA(
      boolean transA,
      float[] a,
      int aOffset,
      int m,
      int k,
      int i0,
      int mc,
      int p0,
      int kc,
      int steps,
      float[] dest) {
    GemmPacking.packA(transA, a, aOffset, m, k, i0, mc, p0, kc, steps, dest);
  }

  @Override
  void packB(
      boolean transB,
      float[] b,
      int bOffset,
      int n,
      int k,
      int p0,
      int kc,
      int steps,
      int j0,
      int nc,
      float[] dest) {
    GemmPacking.packB(transB, b, bOffset, n, k, p0, kc, steps, j0, nc, dest);
  }

  @Override
  void multiply(
      int kc,
      float[] a,
      int aOffset,
      int rowStride,
      int stepStride,
      float[] bp,
      int bOffset,
      float[] tile) {
    GemmMicroKernel.multiply(kc, a, aOffset, rowStride, stepStride, bp, bOffset, tile);
  }

  @Override
  void multiplyPacked(int steps, float[] ap, int aOffset, float[] bp, int bOffset, float[] tile) {
    GemmPackedKernel.multiply(steps, ap, aOffset, bp, bOffset, tile);
  }

  @Override
  void storeTile(float[] tile, float[] c, int cOffset, int ldc, boolean addToC) {
    GemmMicroKernel.storeTile(tile, c, cOffset, ldc, addToC);
  }

  @Override
  void storeEdge(
      float[] tile, float[] c, int cOffset, int ldc, int tileRows, int tileCols, boolean addToC) {
    for (int r = 0; r < tileRows; r++) {
      for (int j = 0; j < tileCols; j++) {
        int ci = cOffset + r * ldc + j;
        float t = tile[r * cols + j];
        c[ci] = addToC ? c[ci] + t : t;
      }
    }
  }

  @Override
  void storeTransposed(float[] t, float[] c, int cOffset, int m, int n, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      int row = cOffset + i * n;
      for (int j = 0; j < n; j++) {
        c[row + j] = accumulate ? c[row + j] + t[j * m + i] : t[j * m + i];
      }
    }
  }
}
