package dev.lamina.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GemmMicroKernel} for doubles: the same 8×(two vectors) tile over A where it lies, each
 * vector holding half as many lanes. Java has no generics over primitive arrays or vector types,
 * and C2 keeps only concretely typed vector locals in registers, so the kernel is spelled out once
 * per element type.
 */
final class DoubleMicroKernel {
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  static final int ROWS = GemmShape.ACTIVE.rows;
  static final int COLS = GemmShape.ACTIVE.cols(Double.SIZE);

  /** Short calls before any real work, for the reason GemmMicroKernel gives. */
  private static final int WARM_UP_CALLS = 3000;

  static {
    if (GemmShape.ACTIVE.readsAInPlace) {
      warmUp();
    }
  }

  private static void warmUp() {
    double[] ap = new double[ROWS * 4];
    double[] bp = new double[COLS * 4];
    double[] tile = new double[ROWS * COLS];
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      multiply(4, ap, 0, 1, ROWS, bp, 0, tile);
      multiply(4, ap, 0, 4, 1, bp, 0, tile);
    }
  }

  private DoubleMicroKernel() {}

  /** tile = A·Bpanel over kc steps, as {@link GemmMicroKernel#multiply}. */
  static void multiply(
      int kc,
      double[] a,
      int aOffset,
      int rowStride,
      int stepStride,
      double[] bp,
      int bOffset,
      double[] tile) {
    VectorSpecies<Double> s = SPECIES;
    int v = s.length();
    DoubleVector c00 = DoubleVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    DoubleVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
    int r1 = rowStride;
    int r2 = 2 * rowStride;
    int r3 = 3 * rowStride;
    int r4 = 4 * rowStride;
    int r5 = 5 * rowStride;
    int r6 = 6 * rowStride;
    int r7 = 7 * rowStride;
    int at = aOffset;
    int b = bOffset;
    for (int p = 0; p < kc; p++, at += stepStride, b += COLS) {
      DoubleVector b0 = DoubleVector.fromArray(s, bp, b);
      DoubleVector b1 = DoubleVector.fromArray(s, bp, b + v);
      DoubleVector x = DoubleVector.broadcast(s, a[at]);
      c00 = MultiplyAdd.fma(x, b0, c00);
      c01 = MultiplyAdd.fma(x, b1, c01);
      x = DoubleVector.broadcast(s, a[at + r1]);
      c10 = MultiplyAdd.fma(x, b0, c10);
      c11 = MultiplyAdd.fma(x, b1, c11);
      x = DoubleVector.broadcast(s, a[at + r2]);
      c20 = MultiplyAdd.fma(x, b0, c20);
      c21 = MultiplyAdd.fma(x, b1, c21);
      x = DoubleVector.broadcast(s, a[at + r3]);
      c30 = MultiplyAdd.fma(x, b0, c30);
      c31 = MultiplyAdd.fma(x, b1, c31);
      x = DoubleVector.broadcast(s, a[at + r4]);
      c40 = MultiplyAdd.fma(x, b0, c40);
      c41 = MultiplyAdd.fma(x, b1, c41);
      x = DoubleVector.broadcast(s, a[at + r5]);
      c50 = MultiplyAdd.fma(x, b0, c50);
      c51 = MultiplyAdd.fma(x, b1, c51);
      x = DoubleVector.broadcast(s, a[at + r6]);
      c60 = MultiplyAdd.fma(x, b0, c60);
      c61 = MultiplyAdd.fma(x, b1, c61);
      x = DoubleVector.broadcast(s, a[at + r7]);
      c70 = MultiplyAdd.fma(x, b0, c70);
      c71 = MultiplyAdd.fma(x, b1, c71);
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, v);
    c10.intoArray(tile, COLS);
    c11.intoArray(tile, COLS + v);
    c20.intoArray(tile, 2 * COLS);
    c21.intoArray(tile, 2 * COLS + v);
    c30.intoArray(tile, 3 * COLS);
    c31.intoArray(tile, 3 * COLS + v);
    c40.intoArray(tile, 4 * COLS);
    c41.intoArray(tile, 4 * COLS + v);
    c50.intoArray(tile, 5 * COLS);
    c51.intoArray(tile, 5 * COLS + v);
    c60.intoArray(tile, 6 * COLS);
    c61.intoArray(tile, 6 * COLS + v);
    c70.intoArray(tile, 7 * COLS);
    c71.intoArray(tile, 7 * COLS + v);
  }

  /** C[0..ROWS, 0..COLS) at {@code cOffset} (+)= the tile; C's rows are {@code ldc} apart. */
  static void storeTile(double[] tile, double[] c, int cOffset, int ldc, boolean addToC) {
    int v = SPECIES.length();
    for (int r = 0, at = cOffset; r < ROWS; r++, at += ldc) {
      for (int j = 0; j < COLS; j += v) {
        DoubleVector t = DoubleVector.fromArray(SPECIES, tile, r * COLS + j);
        if (addToC) {
          t = t.add(DoubleVector.fromArray(SPECIES, c, at + j));
        }
        t.intoArray(c, at + j);
      }
    }
  }
}
