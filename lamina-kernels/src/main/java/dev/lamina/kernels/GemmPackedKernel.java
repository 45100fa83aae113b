package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM micro-kernel over a packed A panel: a ROWS×COLS tile of C (two vectors wide; 8 rows with
 * 32 vector registers, 4 with 16, as {@link GemmShape} chose) held in registers while it walks the
 * panels along k. A's value for tile row r at step p is {@code ap[aOffset + p·ROWS + r]}: a stride
 * the JIT knows, so it hoists the range checks on A out of the loop (the general {@link
 * GemmMicroKernel}, over A's own strides, keeps them). With 32 registers the loop also takes two
 * steps per iteration, so that its own instructions do not crowd the multiply-adds. Panels are
 * packed to an even number of steps (a padding step is zeros, which leaves every sum's bits as they
 * were: an accumulator that starts at +0 never becomes -0). On Zen 4, one core, panels in cache,
 * against the general kernel: 256-bit vectors 93 → 116 GFLOP/s, 128-bit 41 → 52–57, 512-bit 116 →
 * 117. With 16 registers, 6 rows (15 registers) ran at 92 GFLOP/s on JDK 17 but 50 on JDK 25, and
 * on JDK 17 at half speed inside training in about half the processes (C2 at the edge of its
 * register budget); 4 rows (11 registers) ran at 92 and 106, and two steps per iteration spilled.
 */
final class GemmPackedKernel {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int ROWS = GemmShape.ACTIVE.rows;
  static final int COLS = GemmShape.ACTIVE.cols;

  /** Short calls before any real work, for the reason GemmMicroKernel gives. */
  private static final int WARM_UP_CALLS = 3000;

  static {
    float[] ap = new float[ROWS * 4];
    float[] bp = new float[COLS * 4];
    float[] tile = new float[ROWS * COLS];
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      multiply(4, ap, 0, bp, 0, tile);
    }
  }

  private GemmPackedKernel() {}

  /**
   * tile = A·Bpanel over {@code steps} (even) steps of a packed A panel; B holds COLS values per
   * step.
   */
  static void multiply(int steps, float[] ap, int aOffset, float[] bp, int bOffset, float[] tile) {
    // ROWS is a constant to the JIT: only one branch is compiled
    if (ROWS == 8) {
      eightRows(steps, ap, aOffset, bp, bOffset, tile);
    } else {
      fourRows(steps, ap, aOffset, bp, bOffset, tile);
    }
  }

  /** 8 accumulators, 11 registers in all: for 16 vector registers, one step per iteration. */
  private static void fourRows(
      int steps, float[] ap, int aOffset, float[] bp, int bOffset, float[] tile) {
    VectorSpecies<Float> s = SPECIES;
    int v = s.length();
    FloatVector c00 = FloatVector.zero(s), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    int b = bOffset;
    for (int p = 0; p < steps; p++, b += COLS) {
      int at = aOffset + p * 4;
      FloatVector b0 = FloatVector.fromArray(s, bp, b);
      FloatVector b1 = FloatVector.fromArray(s, bp, b + v);
      FloatVector x;
      x = FloatVector.broadcast(s, ap[at + 0]);
      c00 = MultiplyAdd.fma(x, b0, c00);
      c01 = MultiplyAdd.fma(x, b1, c01);
      x = FloatVector.broadcast(s, ap[at + 1]);
      c10 = MultiplyAdd.fma(x, b0, c10);
      c11 = MultiplyAdd.fma(x, b1, c11);
      x = FloatVector.broadcast(s, ap[at + 2]);
      c20 = MultiplyAdd.fma(x, b0, c20);
      c21 = MultiplyAdd.fma(x, b1, c21);
      x = FloatVector.broadcast(s, ap[at + 3]);
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
   * 16 accumulators: for 32 vector registers, two steps per iteration. Fused multiply-adds only,
   * called directly: GemmShape gives 8 rows only where they are fused (every CPU with 32 vector
   * registers has them), and {@link MultiplyAdd}'s helper, 32 times over, took C2 past its inlining
   * node budget (NodeCountInliningCutoff) at 128-bit width, leaving the last call to box its
   * vectors on every step.
   */
  private static void eightRows(
      int steps, float[] ap, int aOffset, float[] bp, int bOffset, float[] tile) {
    VectorSpecies<Float> s = SPECIES;
    int v = s.length();
    FloatVector c00 = FloatVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
    int b = bOffset;
    for (int p = 0; p + 1 < steps; p += 2, b += 2 * COLS) {
      int at = aOffset + p * 8;
      FloatVector b0 = FloatVector.fromArray(s, bp, b);
      FloatVector b1 = FloatVector.fromArray(s, bp, b + v);
      FloatVector x;
      x = FloatVector.broadcast(s, ap[at]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(s, ap[at + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(s, ap[at + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(s, ap[at + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(s, ap[at + 4]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(s, ap[at + 5]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = FloatVector.broadcast(s, ap[at + 6]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = FloatVector.broadcast(s, ap[at + 7]);
      c70 = x.fma(b0, c70);
      c71 = x.fma(b1, c71);
      b0 = FloatVector.fromArray(s, bp, b + COLS);
      b1 = FloatVector.fromArray(s, bp, b + COLS + v);
      x = FloatVector.broadcast(s, ap[at + 8]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(s, ap[at + 9]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(s, ap[at + 10]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(s, ap[at + 11]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(s, ap[at + 12]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(s, ap[at + 13]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = FloatVector.broadcast(s, ap[at + 14]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = FloatVector.broadcast(s, ap[at + 15]);
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
