package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked heart of GEMM: a ROWS×COLS tile of C (6 rows by two vectors, 6×32 floats
 * on AVX-512) held in 12 vector registers while it walks the packed panels along k. Each k step
 * loads two vectors of the B panel and broadcasts 6 values of the A panel, feeding 12 fused
 * multiply-adds. It runs at the core's FMA peak with panels in cache; a 12-row tile (24
 * accumulators) was slower because C2 spilled registers (bench/RESULTS.md).
 */
final class GemmMicroKernel {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int ROWS = 6;
  static final int COLS = 2 * SPECIES.length();

  /**
   * Calls the kernel on tiny panels before any real work. If the first call is a long panel, the
   * JIT compiles its loop straight from the interpreter without a type profile and keeps every
   * vector boxed, about ten times slower for the life of the JVM (seen on JDK 17); short
   * calls first let the profiled tiers run and the final compilation keeps vectors in registers.
   */
  private static final int WARM_UP_CALLS = 3000;

  static {
    float[] ap = new float[ROWS * 4];
    float[] bp = new float[COLS * 4];
    float[] c = new float[ROWS * COLS];
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      multiply(4, ap, 0, 1, ROWS, bp, 0, c, 0, COLS, (call & 1) == 0);
      multiply(4, ap, 0, 4, 1, bp, 0, c, 0, COLS, (call & 1) == 0);
    }
  }

  private GemmMicroKernel() {}

  /**
   * C[0..ROWS, 0..COLS) (+)= A·Bpanel over kc steps. A's value for tile row r at step p is {@code
   * a[aOffset + r·rowStride + p·stepStride]}: a packed panel (rowStride 1, stepStride ROWS) or
   * rows of A read in place (rowStride = the row length, stepStride 1). The B panel holds COLS
   * values per step. {@code addToC} false overwrites C.
   */
  static void multiply(
      int kc, float[] a, int aOffset, int rowStride, int stepStride, float[] bp, int bOffset,
      float[] c, int cOffset, int ldc, boolean addToC) {
    VectorSpecies<Float> s = SPECIES;
    int v = s.length();
    FloatVector c00 = FloatVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    int r1 = rowStride;
    int r2 = 2 * rowStride;
    int r3 = 3 * rowStride;
    int r4 = 4 * rowStride;
    int r5 = 5 * rowStride;
    int at = aOffset;
    int b = bOffset;
    for (int p = 0; p < kc; p++, at += stepStride, b += COLS) {
      FloatVector b0 = FloatVector.fromArray(s, bp, b);
      FloatVector b1 = FloatVector.fromArray(s, bp, b + v);
      FloatVector x = FloatVector.broadcast(s, a[at]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(s, a[at + r1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(s, a[at + r2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(s, a[at + r3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(s, a[at + r4]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(s, a[at + r5]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
    }
    store(c00, c01, c, cOffset, v, addToC);
    store(c10, c11, c, cOffset + ldc, v, addToC);
    store(c20, c21, c, cOffset + 2 * ldc, v, addToC);
    store(c30, c31, c, cOffset + 3 * ldc, v, addToC);
    store(c40, c41, c, cOffset + 4 * ldc, v, addToC);
    store(c50, c51, c, cOffset + 5 * ldc, v, addToC);
  }

  private static void store(
      FloatVector left, FloatVector right, float[] c, int at, int v, boolean addToC) {
    if (addToC) {
      left = left.add(FloatVector.fromArray(SPECIES, c, at));
      right = right.add(FloatVector.fromArray(SPECIES, c, at + v));
    }
    left.intoArray(c, at);
    right.intoArray(c, at + v);
  }
}
