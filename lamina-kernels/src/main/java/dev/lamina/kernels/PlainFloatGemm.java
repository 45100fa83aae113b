package dev.lamina.kernels;

import java.util.Arrays;

/** The plain kernels' float GEMM: {@link RowGemm}'s row updates over float arrays. */
final class PlainFloatGemm extends RowGemm<float[]> {
  static final PlainFloatGemm INSTANCE = new PlainFloatGemm();

  private PlainFloatGemm() {}

  @Override
  float[] newArray(int length) {
    return new float[length];
  }

  @Override
  float[][] newRows(int count) {
    return new float[count][];
  }

  @Override
  int length(float[] array) {
    return array.length;
  }

  @Override
  void copyRows(boolean transB, float[] b, int bOffset, int n, int k, float[][] rows) {
    if (!transB) {
      for (int p = 0; p < k; p++) {
        System.arraycopy(b, bOffset + p * n, rows[p], 0, n);
      }
      return;
    }
    int p = 0;
    for (; p + 8 <= k; p += 8) {
      float[] r0 = rows[p];
      float[] r1 = rows[p + 1];
      float[] r2 = rows[p + 2];
      float[] r3 = rows[p + 3];
      float[] r4 = rows[p + 4];
      float[] r5 = rows[p + 5];
      float[] r6 = rows[p + 6];
      float[] r7 = rows[p + 7];
      for (int j = 0; j < n; j++) {
        int at = bOffset + j * k + p;
        r0[j] = b[at];
        r1[j] = b[at + 1];
        r2[j] = b[at + 2];
        r3[j] = b[at + 3];
        r4[j] = b[at + 4];
        r5[j] = b[at + 5];
        r6[j] = b[at + 6];
        r7[j] = b[at + 7];
      }
    }
    for (; p < k; p++) {
      float[] row = rows[p];
      for (int j = 0; j < n; j++) {
        row[j] = b[bOffset + j * k + p];
      }
    }
  }

  @Override
  void addScaledRow(float[] a, int aIndex, float[] row, float[] sum, int n) {
    float scale = a[aIndex];
    for (int j = 0; j < n; j++) {
      sum[j] += scale * row[j];
    }
  }

  @Override
  void addFourScaledRows(
      float[] a,
      int at,
      int step,
      float[] r0,
      float[] r1,
      float[] r2,
      float[] r3,
      float[] sum,
      int n) {
    float s0 = a[at];
    float s1 = a[at + step];
    float s2 = a[at + 2 * step];
    float s3 = a[at + 3 * step];
    for (int j = 0; j < n; j++) {
      sum[j] = sum[j] + s0 * r0[j] + s1 * r1[j] + s2 * r2[j] + s3 * r3[j];
    }
  }

  @Override
  void clear(float[] sum, int n) {
    Arrays.fill(sum, 0, n, 0f);
  }

  @Override
  void store(float[] sum, float[] c, int cOffset, int n, boolean accumulate) {
    if (accumulate) {
      for (int j = 0; j < n; j++) {
        c[cOffset + j] += sum[j];
      }
    } else {
      System.arraycopy(sum, 0, c, cOffset, n);
    }
  }
}
