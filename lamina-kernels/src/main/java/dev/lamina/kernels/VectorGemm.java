package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Arrays;

/**
 * Cache-blocked GEMM around {@link GemmMicroKernel}, after Goto and van de Geijn: a KC×NC block of
 * B is packed to stay in L2/L3, an MC×KC block of A is packed to stay in L2, and the micro-kernel
 * streams one A panel against a B panel that stays in L1. Large products are split over column (or
 * row) ranges, one per thread, each with its own packing buffers, so threads never wait on each
 * other until the end; each element of C is summed in the same order whatever the split.
 */
final class VectorGemm {
  private static final int ROWS = GemmMicroKernel.ROWS;
  private static final int COLS = GemmMicroKernel.COLS;
  /* Cache blocks for this machine's tile: see GemmShape. */
  static final int MC = GemmShape.ACTIVE.mc;
  static final int KC = GemmShape.ACTIVE.kc;
  static final int NC = GemmShape.ACTIVE.nc;

  /** Products with at most this many columns (and more rows) run transposed (see narrow). */
  private static final int NARROW_MAX_COLS = COLS / 2;

  /** Row-major A with at most this many rows is read in place (see readsAInPlace). */
  private static final int IN_PLACE_A_MAX_ROWS = 512;

  /** Below this many multiply-adds a second thread costs more than it saves. */
  private static final long PARALLEL_MIN_WORK = 1L << 21;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private VectorGemm() {}

  /** Per-thread packing buffers, allocated once per thread at their largest size. */
  private static final class Workspace {
    final float[] packedA = new float[roundUp(MC, ROWS) * KC];
    final float[] packedB = new float[KC * roundUp(NC, COLS)];
    final float[] tile = new float[ROWS * COLS];
    final Split split = new Split();

    /** Cᵀ of a narrow product; grows to the largest one this thread has run. */
    float[] transposed = new float[0];
  }

  static void gemm(
      boolean transA,
      boolean transB,
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
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        for (int i = 0; i < m; i++) {
          Arrays.fill(c, cOffset + i * n, cOffset + i * n + n, 0f);
        }
      }
      return;
    }
    if (n == 1) {
      // op(B) is k×1: one contiguous vector whether or not it is stored transposed
      VectorGemv.multiply(transA, m, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
      return;
    }
    if (transA && n <= NARROW_MAX_COLS && m >= COLS) {
      narrow(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
      return;
    }
    int threads = KernelThreads.count();
    if (threads == 1 || (long) m * n * k < PARALLEL_MIN_WORK) {
      // small products stay on this thread and allocate nothing
      blocked(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate, 0, m, 0, n);
      return;
    }
    // one range of whole micro-tiles per thread, along the dimension whose split costs less
    boolean overColumns = splitOverColumns(transA, transB, m, n);
    int extent = overColumns ? n : m;
    int unit = overColumns ? COLS : ROWS;
    int parts = Math.min(threads, (extent + unit - 1) / unit);
    Split split = WORKSPACE.get().split;
    split.set(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate, overColumns);
    try {
      KernelThreads.runParts(split, parts);
    } finally {
      split.clear();
    }
  }

  /**
   * A kernel gradient with few columns (a classifier's output layer: 1024×10 over 128 rows) as Cᵀ =
   * op(B)ᵀ·op(A)ᵀ, so the long side of C runs along the vectors: C's columns padded to a whole
   * micro-tile do up to 16 times the work, its rows padded to whole panels at most 1.6 times, and
   * the stored-transposed A becomes a B in stored order, cheap to pack (1024×10×128: 166 → 64 µs).
   * With a row-major A the swap would trade reading A in place for a transposed packing of it, and
   * measured no faster (128×10×1024) or slower (256×2×512).
   */
  private static void narrow(
      boolean transA,
      boolean transB,
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
    Workspace w = WORKSPACE.get();
    if (w.transposed.length < n * m) {
      w.transposed = new float[n * m];
    }
    float[] t = w.transposed;
    gemm(!transB, !transA, n, m, k, b, bOffset, a, aOffset, t, 0, false);
    for (int i = 0; i < m; i++) {
      int row = cOffset + i * n;
      for (int j = 0; j < n; j++) {
        c[row + j] = accumulate ? c[row + j] + t[j * m + i] : t[j * m + i];
      }
    }
  }

  /**
   * Every thread packs all of the operand that is not split: all of op(A) when C is split over
   * columns, all of op(B) when over rows. Choose the split that duplicates the cheaper packing.
   * Measured per element on Zen 4: B in stored order 0.15 ns (row copies), A in stored order 0.33
   * ns, B stored transposed 0.45 ns, A stored transposed 0.65 ns (six-float row copies); for dW
   * (512×256 stored transposed times 256×512) splitting over rows saves ~65 µs per thread of a ~700
   * µs product.
   */
  private static boolean splitOverColumns(boolean transA, boolean transB, int m, int n) {
    // an A read in place costs nothing to share
    int aCost = readsAInPlace(transA, m) ? 0 : transA ? 13 : 7;
    int bCost = transB ? 9 : 3;
    return (long) m * aCost <= (long) n * bCost;
  }

  /**
   * One split product, reused by its calling thread so that splitting allocates nothing. Part t of
   * p owns the t-th of p ranges of whole micro-tiles along the split dimension of C.
   */
  private static final class Split implements KernelThreads.PartedTask {
    private boolean transA;
    private boolean transB;
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
    private boolean overColumns;

    void set(
        boolean transA,
        boolean transB,
        int m,
        int n,
        int k,
        float[] a,
        int aOffset,
        float[] b,
        int bOffset,
        float[] c,
        int cOffset,
        boolean accumulate,
        boolean overColumns) {
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.a = a;
      this.aOffset = aOffset;
      this.b = b;
      this.bOffset = bOffset;
      this.c = c;
      this.cOffset = cOffset;
      this.accumulate = accumulate;
      this.overColumns = overColumns;
    }

    /** Drops the array references so an idle thread does not keep the caller's data alive. */
    void clear() {
      a = null;
      b = null;
      c = null;
    }

    @Override
    public void runPart(int part, int parts) {
      int extent = overColumns ? n : m;
      int unit = overColumns ? COLS : ROWS;
      int units = (extent + unit - 1) / unit;
      int from = Math.min(extent, (int) ((long) units * part / parts) * unit);
      int to = Math.min(extent, (int) ((long) units * (part + 1) / parts) * unit);
      if (overColumns) {
        blocked(
            transA,
            transB,
            m,
            n,
            k,
            a,
            aOffset,
            b,
            bOffset,
            c,
            cOffset,
            accumulate,
            0,
            m,
            from,
            to);
      } else {
        blocked(
            transA,
            transB,
            m,
            n,
            k,
            a,
            aOffset,
            b,
            bOffset,
            c,
            cOffset,
            accumulate,
            from,
            to,
            0,
            n);
      }
    }
  }

  /** Computes rows [i0, i1) and columns [j0, j1) of C on the calling thread. */
  private static void blocked(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float[] c,
      int cOffset,
      boolean accumulate,
      int i0,
      int i1,
      int j0,
      int j1) {
    Workspace w = WORKSPACE.get();
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        GemmPacking.packB(transB, b, bOffset, n, k, pc, kc, jc, nc, w.packedB);
        boolean addToC = accumulate || pc > 0;
        for (int ic = i0; ic < i1; ic += MC) {
          int mc = Math.min(MC, i1 - ic);
          // whole tiles of a row-major A are read in place; the rest is packed, padded with zeros
          int inPlace = readsAInPlace(transA, m) ? mc / ROWS * ROWS : 0;
          if (inPlace < mc) {
            GemmPacking.packA(
                transA, a, aOffset, m, k, ic + inPlace, mc - inPlace, pc, kc, w.packedA);
          }
          for (int jr = 0; jr < nc; jr += COLS) {
            for (int ir = 0; ir < mc; ir += ROWS) {
              int at = cOffset + (ic + ir) * n + jc + jr;
              int bPanel = jr * kc;
              boolean direct = ir < inPlace;
              float[] aSource = direct ? a : w.packedA;
              int aStart = direct ? aOffset + (ic + ir) * k + pc : (ir - inPlace) * kc;
              int rowStride = direct ? k : 1;
              int stepStride = direct ? 1 : ROWS;
              GemmMicroKernel.multiply(
                  kc, aSource, aStart, rowStride, stepStride, w.packedB, bPanel, w.tile);
              if (ir + ROWS <= mc && jr + COLS <= nc) {
                GemmMicroKernel.storeTile(w.tile, c, at, n, addToC);
              } else {
                copyEdge(
                    w.tile, c, at, n, Math.min(ROWS, mc - ir), Math.min(COLS, nc - jr), addToC);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Whether the micro-kernel reads A's rows where they are instead of packing them. With as few
   * rows as a training batch, every thread of a column split packs all of A again for few B panels,
   * while rows of a row-major A are already contiguous along k: reading them in place made
   * 256×512×512 9–11% and 128×1024×784 7% faster on 2 threads (best of 4 alternating rounds). Tall
   * products keep packing: their A block serves many panels, and rows 8 KB or more apart start to
   * share L2 sets.
   */
  private static boolean readsAInPlace(boolean transA, int m) {
    return !transA && m <= IN_PLACE_A_MAX_ROWS;
  }

  private static void copyEdge(
      float[] tile, float[] c, int at, int ldc, int rows, int cols, boolean add) {
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        int ci = at + r * ldc + j;
        c[ci] = add ? c[ci] + tile[r * COLS + j] : tile[r * COLS + j];
      }
    }
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }
}
