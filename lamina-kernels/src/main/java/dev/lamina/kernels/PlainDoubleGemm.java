package dev.lamina.kernels;

import java.util.Arrays;

/**
 * The plain kernels' double GEMM (float64 models): {@link RowGemm}'s row updates over double
 * arrays.
 */
final class PlainDoubleGemm extends RowGemm<double[]> {
  static final PlainDoubleGemm INSTANCE = new PlainDoubleGemm();

  private PlainDoubleGemm() {}

  @Override
  double[] newArray(int length) {
    return new double[length];
  }

  @Override
  double[][] newRows(int count) {
    return new double[count][];
  }

  @Override
  int length(double[] array) {
    return array.length;
  }

  @Override
  void copyRows(boolean transB, double[] b, int bOffset, int n, int k, double[][] rows) {
    if (!transB) {
      for (int p = 0; p < k; p++) {
        System.arraycopy(b, bOffset + p * n, rows[p], 0, n);
      }
      return;
    }
    int p = 0;
    for (; p + 8 <= k; p += 8) {
      double[] r0 = rows[p];
      double[] r1 = rows[p + 1];
      double[] r2 = rows[p + 2];
      double[] r3 = rows[p + 3];
      double[] r4 = rows[p + 4];
      double[] r5 = rows[p + 5];
      double[] r6 = rows[p + 6];
      double[] r7 = rows[p + 7];
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
      double[] row = rows[p];
      for (int j = 0; j < n; j++) {
        row[j] = b[bOffset + j * k + p];
      }
    }
  }

  @Override
  void addScaledRow(double[] a, int aIndex, double[] row, double[] sum, int n) {
    double scale = a[aIndex];
    for (int j = 0; j < n; j++) {
      sum[j] += scale * row[j];
    }
  }

  @Override
  void addFourScaledRows(
      double[] a,
      int at,
      int step,
      double[] r0,
      double[] r1,
      double[] r2,
      double[] r3,
      double[] sum,
      int n) {
    double s0 = a[at];
    double s1 = a[at + step];
    double s2 = a[at + 2 * step];
    double s3 = a[at + 3 * step];
    for (int j = 0; j < n; j++) {
      sum[j] = sum[j] + s0 * r0[j] + s1 * r1[j] + s2 * r2[j] + s3 * r3[j];
    }
  }

  @Override
  void clear(double[] sum, int n) {
    Arrays.fill(sum, 0, n, 0.0);
  }

  @Override
  void store(double[] sum, double[] c, int cOffset, int n, boolean accumulate) {
    if (accumulate) {
      for (int j = 0; j < n; j++) {
        c[cOffset + j] += sum[j];
      }
    } else {
      System.arraycopy(sum, 0, c, cOffset, n);
    }
  }
}
