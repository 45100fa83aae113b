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
    for (int first = 0; first < k; first += COPIED_COLUMNS) {
      int last = Math.min(k, first + COPIED_COLUMNS);
      for (int j = 0; j < n; j++) {
        int row = bOffset + j * k;
        for (int p = first; p < last; p++) {
          rows[p][j] = b[row + p];
        }
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
