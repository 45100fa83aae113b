package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float products whose inner side (few steps: a first Dense layer over 11 features, a convolution
 * over a 3×3 grey window) or, with A stored transposed, whose row count (the kernel gradients of
 * the same) is short, and B in stored order. The packed GEMM pads such a side to whole micro-tiles
 * and packs both operands for a few multiply-adds per element; here A and B are read where they are
 * and C is written once per block of steps. A tile of four rows by two vectors of C stays in
 * registers across the steps; rows past the last are the last row again, and a lone vector is
 * paired with itself, so one tile shape covers every edge: duplicates compute the same values and
 * load C before any of them stores.
 *
 * <p>Every element of C is one fused multiply-add chain over the steps in order, continued across
 * blocks of steps through C, so the result does not depend on the split over columns.
 */
final class ThinGemm extends VectorRangeSplit {
  /** The longest short side handled here. */
  static final int MAX_SHORT_SIDE = 16;

  /** Steps per block: the block's rows of B two vectors wide (32 KiB at 512 bits) stay in L1. */
  private static final int STEP_BLOCK = 256;

  private static final int TILE_ROWS = 4;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private static final ThreadLocal<ThinGemm> PER_THREAD = ThreadLocal.withInitial(ThinGemm::new);

  private boolean transA;
  private int m;
  private int n;
  private int k;
  private float[] a;
  private int aOffset;
  private float[] b;
  private int bOffset;
  private float[] c;
  private int cOffset;
  private boolean accumulate;

  private ThinGemm() {}

  /**
   * Whether {@link #gemm} takes this product: B in stored order, at least one step and one vector
   * of columns, and a short side where it is faster than the packed GEMM. With A stored transposed,
   * few rows: on one thread both read A in place and stream B at the same speed, but split over two
   * threads the packed GEMM's tiles of 8 rows leave one thread little to do: 9×32×21,632 (W6's
   * first kernel gradient) 301 → 159 µs, 11×512×256 (W1's) 29 → 18 µs. In stored order, few steps,
   * but only for more rows than the packed GEMM reads in place: 21,632×32×9 (W6's first layer) 279
   * → 183 µs, while 256×512×11 (W1's) is slower here (45 → 64 µs), its 8-row micro-tiles reusing
   * each B load twice as often as these 4-row ones (Zen 4, medians).
   */
  static boolean takes(boolean transA, boolean transB, int m, int n, int k) {
    boolean shortSide =
        transA ? m <= MAX_SHORT_SIDE : k <= MAX_SHORT_SIDE && m > BlockedGemm.IN_PLACE_A_MAX_ROWS;
    return shortSide && !transB && m > 0 && k > 0 && n >= S.length();
  }

  /** C = op(A)·B or C += op(A)·B, for a product that {@link #takes} accepts. */
  static void gemm(
      boolean transA,
      int m,
      int n,
      int k,
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float[] c,
      int cOffset,
      boolean accumulate) {
    ThinGemm product = PER_THREAD.get();
    product.transA = transA;
    product.m = m;
    product.n = n;
    product.k = k;
    product.a = a;
    product.aOffset = aOffset;
    product.b = b;
    product.bOffset = bOffset;
    product.c = c;
    product.cOffset = cOffset;
    product.accumulate = accumulate;
    int threads = KernelThreads.count();
    boolean split = threads > 1 && (long) m * n * k >= BlockedGemm.PARALLEL_MIN_WORK;
    // a part of one vector of columns pairs it with itself, doing the work of two: split only
    // into parts of two vectors or more (W6's first layer, 32 filters: 2 parts of one vector each
    // ran one after the other inside a convolution's chunk, twice the multiply-adds for nothing)
    product.run(n, split ? Math.max(1, Math.min(threads, n / (2 * S.length()))) : 1);
  }

  @Override
  void runRange(int from, int to) {
    int rowStride = transA ? 1 : k;
    int stepStride = transA ? m : 1;
    int lanes = S.length();
    int vectorsEnd = from + (to - from) / lanes * lanes;
    for (int p0 = 0; p0 < k; p0 += STEP_BLOCK) {
      int p1 = Math.min(k, p0 + STEP_BLOCK);
      boolean fromC = accumulate || p0 > 0;
      for (int j = from; j < vectorsEnd; j += 2 * lanes) {
        int j1 = j + lanes < vectorsEnd ? j + lanes : j;
        for (int i = 0; i < m; i += TILE_ROWS) {
          tile(i, j, j1, p0, p1, rowStride, stepStride, fromC);
        }
      }
      for (int j = vectorsEnd; j < to; j++) {
        for (int i = 0; i < m; i++) {
          element(i, j, p0, p1, rowStride, stepStride, fromC);
        }
      }
    }
  }

  /**
   * Rows i..i+3 (the last row standing in for missing ones) at columns j0 and j1, one vector each.
   */
  private void tile(
      int i, int j0, int j1, int p0, int p1, int rowStride, int stepStride, boolean fromC) {
    int last = m - 1;
    int a0 = aOffset + i * rowStride;
    int a1 = aOffset + Math.min(i + 1, last) * rowStride;
    int a2 = aOffset + Math.min(i + 2, last) * rowStride;
    int a3 = aOffset + Math.min(i + 3, last) * rowStride;
    int c0 = cOffset + i * n;
    int c1 = cOffset + Math.min(i + 1, last) * n;
    int c2 = cOffset + Math.min(i + 2, last) * n;
    int c3 = cOffset + Math.min(i + 3, last) * n;
    FloatVector s00 = start(c0 + j0, fromC);
    FloatVector s01 = start(c0 + j1, fromC);
    FloatVector s10 = start(c1 + j0, fromC);
    FloatVector s11 = start(c1 + j1, fromC);
    FloatVector s20 = start(c2 + j0, fromC);
    FloatVector s21 = start(c2 + j1, fromC);
    FloatVector s30 = start(c3 + j0, fromC);
    FloatVector s31 = start(c3 + j1, fromC);
    for (int p = p0; p < p1; p++) {
      int bRow = bOffset + p * n;
      FloatVector b0 = FloatVector.fromArray(S, b, bRow + j0);
      FloatVector b1 = FloatVector.fromArray(S, b, bRow + j1);
      int step = p * stepStride;
      FloatVector x = FloatVector.broadcast(S, a[a0 + step]);
      s00 = MultiplyAdd.fma(x, b0, s00);
      s01 = MultiplyAdd.fma(x, b1, s01);
      x = FloatVector.broadcast(S, a[a1 + step]);
      s10 = MultiplyAdd.fma(x, b0, s10);
      s11 = MultiplyAdd.fma(x, b1, s11);
      x = FloatVector.broadcast(S, a[a2 + step]);
      s20 = MultiplyAdd.fma(x, b0, s20);
      s21 = MultiplyAdd.fma(x, b1, s21);
      x = FloatVector.broadcast(S, a[a3 + step]);
      s30 = MultiplyAdd.fma(x, b0, s30);
      s31 = MultiplyAdd.fma(x, b1, s31);
    }
    s00.intoArray(c, c0 + j0);
    s01.intoArray(c, c0 + j1);
    s10.intoArray(c, c1 + j0);
    s11.intoArray(c, c1 + j1);
    s20.intoArray(c, c2 + j0);
    s21.intoArray(c, c2 + j1);
    s30.intoArray(c, c3 + j0);
    s31.intoArray(c, c3 + j1);
  }

  private FloatVector start(int at, boolean fromC) {
    return fromC ? FloatVector.fromArray(S, c, at) : FloatVector.zero(S);
  }

  /** One element past the last whole vector of columns: the same chain as a vector lane's. */
  private void element(int i, int j, int p0, int p1, int rowStride, int stepStride, boolean fromC) {
    int at = cOffset + i * n + j;
    float sum = fromC ? c[at] : 0f;
    for (int p = p0; p < p1; p++) {
      sum =
          MultiplyAdd.fma(a[aOffset + i * rowStride + p * stepStride], b[bOffset + p * n + j], sum);
    }
    c[at] = sum;
  }

  @Override
  void release() {
    a = null;
    b = null;
    c = null;
  }
}
