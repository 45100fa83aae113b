package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked heart of GEMM over A where it lies: a ROWS×COLS tile of C (8 rows, two
 * vectors wide) held in vector registers while it walks A's rows and a packed B panel along k. Each
 * k step loads two vectors of the B panel and broadcasts one value of A per row, feeding two fused
 * multiply-adds per row; C2 keeps named FloatVector locals in registers, an array of them boxed. A
 * is read in place only with 512-bit vectors and 32 registers ({@link GemmShape#readsAInPlace}),
 * hence 8 rows only; packed panels go through {@link GemmPackedKernel}.
 */
final class GemmMicroKernel {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int ROWS = GemmShape.ACTIVE.rows;
  static final int COLS = GemmShape.ACTIVE.cols;

  /**
   * Calls the kernel on tiny panels before any real work. If the first call is a long panel, the
   * JIT compiles its loop straight from the interpreter without a type profile and keeps every
   * vector boxed, about ten times slower for the life of the JVM (seen on JDK 17); short calls
   * first let the profiled tiers run and the final compilation keeps vectors in registers.
   */
  private static final int WARM_UP_CALLS = 3000;

  static {
    if (GemmShape.ACTIVE.readsAInPlace) {
      warmUp();
    }
  }

  private static void warmUp() {
    float[] ap = new float[ROWS * 4];
    float[] bp = new float[COLS * 4];
    float[] tile = new float[ROWS * COLS];
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      multiply(4, ap, 0, 1, ROWS, bp, 0, tile);
      multiply(4, ap, 0, 4, 1, bp, 0, tile);
    }
  }

  private GemmMicroKernel() {}

  /**
   * tile = A·Bpanel over kc steps, ROWS×COLS row by row (16 accumulators, 19 registers in all), for
   * {@link #storeTile} or an edge copy to write into C: writing C here as well made the 8-row
   * kernel too big for C2 to inline its stores (NodeCountInliningCutoff), and the vectors passed to
   * them were boxed. A's value for tile row r at step p is {@code a[aOffset + r·rowStride +
   * p·stepStride]}: rows of a row-major A (rowStride = the row length, stepStride 1) or of a
   * stored-transposed one (rowStride 1, stepStride = its row length). The B panel holds COLS values
   * per step.
   */
  static void multiply(
      int kc,
      float[] a,
      int aOffset,
      int rowStride,
      int stepStride,
      float[] bp,
      int bOffset,
      float[] tile) {
    VectorSpecies<Float> s = SPECIES;
    int v = s.length();
    FloatVector c00 = FloatVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
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
      FloatVector b0 = FloatVector.fromArray(s, bp, b);
      FloatVector b1 = FloatVector.fromArray(s, bp, b + v);
      FloatVector x = FloatVector.broadcast(s, a[at]);
      c00 = MultiplyAdd.fma(x, b0, c00);
      c01 = MultiplyAdd.fma(x, b1, c01);
      x = FloatVector.broadcast(s, a[at + r1]);
      c10 = MultiplyAdd.fma(x, b0, c10);
      c11 = MultiplyAdd.fma(x, b1, c11);
      x = FloatVector.broadcast(s, a[at + r2]);
      c20 = MultiplyAdd.fma(x, b0, c20);
      c21 = MultiplyAdd.fma(x, b1, c21);
      x = FloatVector.broadcast(s, a[at + r3]);
      c30 = MultiplyAdd.fma(x, b0, c30);
      c31 = MultiplyAdd.fma(x, b1, c31);
      x = FloatVector.broadcast(s, a[at + r4]);
      c40 = MultiplyAdd.fma(x, b0, c40);
      c41 = MultiplyAdd.fma(x, b1, c41);
      x = FloatVector.broadcast(s, a[at + r5]);
      c50 = MultiplyAdd.fma(x, b0, c50);
      c51 = MultiplyAdd.fma(x, b1, c51);
      x = FloatVector.broadcast(s, a[at + r6]);
      c60 = MultiplyAdd.fma(x, b0, c60);
      c61 = MultiplyAdd.fma(x, b1, c61);
      x = FloatVector.broadcast(s, a[at + r7]);
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
  static void storeTile(float[] tile, float[] c, int cOffset, int ldc, boolean addToC) {
    int v = SPECIES.length();
    for (int r = 0, at = cOffset; r < ROWS; r++, at += ldc) {
      for (int j = 0; j < COLS; j += v) {
        FloatVector t = FloatVector.fromArray(SPECIES, tile, r * COLS + j);
        if (addToC) {
          t = t.add(FloatVector.fromArray(SPECIES, c, at + j));
        }
        t.intoArray(c, at + j);
      }
    }
  }
}
