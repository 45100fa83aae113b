package dev.lamina.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GemmPackedKernel} for doubles: the same tiles (8 or 4 rows, two vectors wide), each vector
 * holding half as many lanes; spelled out once per element type for the reason {@link
 * DoubleMicroKernel} gives.
 */
final class DoublePackedKernel {
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  static final int ROWS = GemmShape.ACTIVE.rows;
  static final int COLS = GemmShape.ACTIVE.cols(Double.SIZE);

  /** Short calls before any real work, for the reason GemmMicroKernel gives. */
  private static final int WARM_UP_CALLS = 3000;

  static {
    double[] ap = new double[ROWS * 4];
    double[] bp = new double[COLS * 4];
    double[] tile = new double[ROWS * COLS];
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      multiply(4, ap, 0, bp, 0, tile);
    }
  }

  private DoublePackedKernel() {}

  /**
   * tile = A·Bpanel over {@code steps} (even) steps of a packed A panel; B holds COLS values per
   * step.
   */
  static void multiply(
      int steps, double[] ap, int aOffset, double[] bp, int bOffset, double[] tile) {
    // ROWS is a constant to the JIT: only one branch is compiled
    if (ROWS == 8) {
      eightRows(steps, ap, aOffset, bp, bOffset, tile);
    } else {
      fourRows(steps, ap, aOffset, bp, bOffset, tile);
    }
  }

  /** 8 accumulators, 11 registers in all: for 16 vector registers, one step per iteration. */
  private static void fourRows(
      int steps, double[] ap, int aOffset, double[] bp, int bOffset, double[] tile) {
    VectorSpecies<Double> s = SPECIES;
    int v = s.length();
    DoubleVector c00 = DoubleVector.zero(s), c01 = c00, c10 = c00, c11 = c00;
    DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    int b = bOffset;
    for (int p = 0; p < steps; p++, b += COLS) {
      int at = aOffset + p * 4;
      DoubleVector b0 = DoubleVector.fromArray(s, bp, b);
      DoubleVector b1 = DoubleVector.fromArray(s, bp, b + v);
      DoubleVector x;
      x = DoubleVector.broadcast(s, ap[at + 0]);
      c00 = MultiplyAdd.fma(x, b0, c00);
      c01 = MultiplyAdd.fma(x, b1, c01);
      x = DoubleVector.broadcast(s, ap[at + 1]);
      c10 = MultiplyAdd.fma(x, b0, c10);
      c11 = MultiplyAdd.fma(x, b1, c11);
      x = DoubleVector.broadcast(s, ap[at + 2]);
      c20 = MultiplyAdd.fma(x, b0, c20);
      c21 = MultiplyAdd.fma(x, b1, c21);
      x = DoubleVector.broadcast(s, ap[at + 3]);
      c30 = MultiplyAdd.fma(x, b0, c30);
      c31 = MultiplyAdd.fma(x, b1, c31);
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, v);
    c10.intoArray(tile, COLS);
    c11.intoArray(tile, COLS + v);
    c20.intoArray(tile, 2 * COLS);
    c21.intoArray(tile, 2 * COLS + v);
    c30.intoArray(tile, 3 * COLS);
    c31.intoArray(tile, 3 * COLS + v);
  }

  /**
   * 16 accumulators: for 32 vector registers, two steps per iteration. Fused multiply-adds called
   * directly, for the reason GemmPackedKernel's eightRows gives.
   */
  private static void eightRows(
      int steps, double[] ap, int aOffset, double[] bp, int bOffset, double[] tile) {
    VectorSpecies<Double> s = SPECIES;
    int v = s.length();
    DoubleVector c00 = DoubleVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    DoubleVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
    int b = bOffset;
    for (int p = 0; p + 1 < steps; p += 2, b += 2 * COLS) {
      int at = aOffset + p * 8;
      DoubleVector b0 = DoubleVector.fromArray(s, bp, b);
      DoubleVector b1 = DoubleVector.fromArray(s, bp, b + v);
      DoubleVector x;
      x = DoubleVector.broadcast(s, ap[at]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(s, ap[at + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(s, ap[at + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(s, ap[at + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(s, ap[at + 4]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(s, ap[at + 5]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = DoubleVector.broadcast(s, ap[at + 6]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = DoubleVector.broadcast(s, ap[at + 7]);
      c70 = x.fma(b0, c70);
      c71 = x.fma(b1, c71);
      b0 = DoubleVector.fromArray(s, bp, b + COLS);
      b1 = DoubleVector.fromArray(s, bp, b + COLS + v);
      x = DoubleVector.broadcast(s, ap[at + 8]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(s, ap[at + 9]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(s, ap[at + 10]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(s, ap[at + 11]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(s, ap[at + 12]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(s, ap[at + 13]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = DoubleVector.broadcast(s, ap[at + 14]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = DoubleVector.broadcast(s, ap[at + 15]);
      c70 = x.fma(b0, c70);
      c71 = x.fma(b1, c71);
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
}
