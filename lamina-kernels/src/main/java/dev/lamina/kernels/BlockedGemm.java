package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * Cache-blocked GEMM around a register-blocked micro-kernel, after Goto and van de Geijn, written
 * once for every element type: a KC×NC block of B is packed to stay in L2/L3, an MC×KC block of A
 * is packed to stay in L2, and the micro-kernel streams one A panel against a B panel that stays in
 * L1. Large products are split over column (or row) ranges, one per thread, each with its own
 * packing buffers, so threads never wait on each other until the end; each element of C is summed
 * in the same order whatever the split. A subclass supplies what depends on the element type:
 * packing, the micro-kernel, tile stores and the single-column product.
 *
 * @param <A> the array type of the elements, float[] or double[]
 */
abstract class BlockedGemm<A> {
  /** Row-major A with at most this many rows is read in place (see readsAInPlace). */
  static final int IN_PLACE_A_MAX_ROWS = 512;

  /**
   * Below this many multiply-adds a second thread costs more than it saves. Measured on Zen 4 with
   * the worker spinning between the kernels of a training step (2 threads against 1, medians): W1's
   * first layer 256×512×11 38 → 24 µs and its kernel gradient 11×512×256 61 → 32 µs, its last
   * batch's 95×512×11 16 → 10 µs; 64×64×64 still gains (5.5 → 3.2 µs), but a parked worker takes
   * tens of microseconds to wake.
   */
  static final long PARALLEL_MIN_WORK = 1L << 19;

  final int rows;
  final int cols;
  final int mc;
  final int kc;
  final int nc;

  /** Whether A may be read in place at all on this machine (see readsAInPlace). */
  private final boolean aInPlace;

  /** Products with at most this many columns (and more rows) run transposed (see narrow). */
  private final int narrowMaxCols;

  private final ThreadLocal<Workspace<A>> workspace = ThreadLocal.withInitial(this::newWorkspace);

  BlockedGemm(GemmShape shape, int elementBits) {
    this.rows = shape.rows;
    this.cols = shape.cols(elementBits);
    this.mc = shape.mc;
    this.kc = shape.kc;
    this.nc = shape.nc;
    this.narrowMaxCols = cols / 2;
    this.aInPlace = shape.readsAInPlace;
  }

  // ---- what depends on the element type ----

  abstract A newArray(int length);

  abstract int length(A array);

  /** Rows [0, m) of C (n wide) set to zero. */
  abstract void zero(A c, int cOffset, int m, int n);

  /** c[i] (+)= Σ_p op(A)[i, p]·x[p] for i in [0, m): a product with one output column. */
  abstract void gemv(
      boolean transA,
      int m,
      int k,
      A a,
      int aOffset,
      A x,
      int xOffset,
      A c,
      int cOffset,
      boolean accumulate);

  /**
   * Packs rows [i0, i0+mc) and steps [p0, p0+kc) of op(A) (m×k) into panels of tile rows, each
   * {@code steps} long with zeros past kc.
   */
  abstract void packA(
      boolean transA,
      A a,
      int aOffset,
      int m,
      int k,
      int i0,
      int mc,
      int p0,
      int kc,
      int steps,
      A dest);

  /**
   * Packs steps [p0, p0+kc) and columns [j0, j0+nc) of op(B) (k×n) into panels of tile columns,
   * each {@code steps} long with zeros past kc.
   */
  abstract void packB(
      boolean transB,
      A b,
      int bOffset,
      int n,
      int k,
      int p0,
      int kc,
      int steps,
      int j0,
      int nc,
      A dest);

  /**
   * tile = A·Bpanel over kc steps; A's value for tile row r at step p is {@code a[aOffset +
   * r·rowStride + p·stepStride]}.
   */
  abstract void multiply(
      int kc, A a, int aOffset, int rowStride, int stepStride, A bp, int bOffset, A tile);

  /**
   * tile = A·Bpanel over {@code steps} (even) steps of a packed A panel, whose rows sit side by
   * side at each step.
   */
  abstract void multiplyPacked(int steps, A ap, int aOffset, A bp, int bOffset, A tile);

  /** C[0..rows, 0..cols) at {@code cOffset} (+)= the whole tile; C's rows are {@code ldc} apart. */
  abstract void storeTile(A tile, A c, int cOffset, int ldc, boolean addToC);

  /** The first tileRows×tileCols of the tile into C, for tiles at C's edges. */
  abstract void storeEdge(
      A tile, A c, int cOffset, int ldc, int tileRows, int tileCols, boolean addToC);

  /** C (m×n) (+)= tᵀ, t being n×m. */
  abstract void storeTransposed(A t, A c, int cOffset, int m, int n, boolean accumulate);

  // ---- the blocking, written once ----

  /** Per-thread packing buffers, allocated once per thread at their largest size. */
  private static final class Workspace<A> {
    final A packedA;
    final A packedB;
    final A tile;
    final Split<A> split;

    /** Cᵀ of a narrow product; grows to the largest one this thread has run. */
    A transposed;

    Workspace(BlockedGemm<A> gemm) {
      // panels hold an even number of steps
      packedA = gemm.newArray(roundUp(gemm.mc, gemm.rows) * roundUp(gemm.kc, 2));
      packedB = gemm.newArray(roundUp(gemm.kc, 2) * roundUp(gemm.nc, gemm.cols));
      tile = gemm.newArray(gemm.rows * gemm.cols);
      transposed = gemm.newArray(0);
      split = new Split<>(gemm);
    }
  }

  private Workspace<A> newWorkspace() {
    return new Workspace<>(this);
  }

  /** C = op(A)·op(B), or C += op(A)·op(B) when accumulate; arguments as {@link Kernels#gemm}. */
  final void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      A a,
      int aOffset,
      A b,
      int bOffset,
      A c,
      int cOffset,
      boolean accumulate) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        zero(c, cOffset, m, n);
      }
      return;
    }
    if (n == 1) {
      // op(B) is k×1: one contiguous vector whether or not it is stored transposed
      gemv(transA, m, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
      return;
    }
    if (transA && n <= narrowMaxCols && m >= cols) {
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
    boolean overColumns = splitOverColumns(transA, transB, m, n, k);
    int extent = overColumns ? n : m;
    int unit = overColumns ? cols : rows;
    int parts = Math.min(threads, (extent + unit - 1) / unit);
    Split<A> split = workspace.get().split;
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
  private void narrow(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      A a,
      int aOffset,
      A b,
      int bOffset,
      A c,
      int cOffset,
      boolean accumulate) {
    Workspace<A> w = workspace.get();
    if (length(w.transposed) < n * m) {
      w.transposed = newArray(n * m);
    }
    A t = w.transposed;
    gemm(!transB, !transA, n, m, k, b, bOffset, a, aOffset, t, 0, false);
    storeTransposed(t, c, cOffset, m, n, accumulate);
  }

  /**
   * Every thread packs all of the operand that is not split: all of op(A) when C is split over
   * columns, all of op(B) when over rows. Choose the split that duplicates the cheaper packing.
   * Measured per element on Zen 4 (float): B in stored order 0.15 ns (row copies), A in stored
   * order 0.33 ns, B stored transposed 0.45 ns.
   */
  private boolean splitOverColumns(boolean transA, boolean transB, int m, int n, int k) {
    // an A read in place costs nothing to share
    int aCost = readsAInPlace(transA, m, n, k) ? 0 : 7;
    int bCost = transB ? 9 : 3;
    return (long) m * aCost <= (long) n * bCost;
  }

  /**
   * One split product, reused by its calling thread so that splitting allocates nothing. Part t of
   * p owns the t-th of p ranges of whole micro-tiles along the split dimension of C.
   */
  private static final class Split<A> implements KernelThreads.PartedTask {
    private final BlockedGemm<A> gemm;
    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private A a;
    private int aOffset;
    private A b;
    private int bOffset;
    private A c;
    private int cOffset;
    private boolean accumulate;
    private boolean overColumns;

    Split(BlockedGemm<A> gemm) {
      this.gemm = gemm;
    }

    void set(
        boolean transA,
        boolean transB,
        int m,
        int n,
        int k,
        A a,
        int aOffset,
        A b,
        int bOffset,
        A c,
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
      int unit = overColumns ? gemm.cols : gemm.rows;
      int units = (extent + unit - 1) / unit;
      int from = Math.min(extent, (int) ((long) units * part / parts) * unit);
      int to = Math.min(extent, (int) ((long) units * (part + 1) / parts) * unit);
      int i0 = overColumns ? 0 : from;
      int i1 = overColumns ? m : to;
      int j0 = overColumns ? from : 0;
      int j1 = overColumns ? to : n;
      gemm.blocked(
          transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate, i0, i1, j0, j1);
    }
  }

  /** Computes rows [i0, i1) and columns [j0, j1) of C on the calling thread. */
  private void blocked(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      A a,
      int aOffset,
      A b,
      int bOffset,
      A c,
      int cOffset,
      boolean accumulate,
      int i0,
      int i1,
      int j0,
      int j1) {
    Workspace<A> w = workspace.get();
    for (int jc = j0; jc < j1; jc += nc) {
      int ncHere = Math.min(nc, j1 - jc);
      for (int pc = 0; pc < k; pc += kc) {
        int kcHere = Math.min(kc, k - pc);
        // packed panels hold an even number of steps (see multiplyPacked): odd blocks get a zero
        // one
        int steps = kcHere + (kcHere & 1);
        packB(transB, b, bOffset, n, k, pc, kcHere, steps, jc, ncHere, w.packedB);
        boolean addToC = accumulate || pc > 0;
        for (int ic = i0; ic < i1; ic += mc) {
          int mcHere = Math.min(mc, i1 - ic);
          // whole tiles of a row-major A are read in place; the rest is packed, padded with zeros
          int inPlace = readsAInPlace(transA, m, n, k) ? mcHere / rows * rows : 0;
          if (inPlace < mcHere) {
            packA(
                transA,
                a,
                aOffset,
                m,
                k,
                ic + inPlace,
                mcHere - inPlace,
                pc,
                kcHere,
                steps,
                w.packedA);
          }
          for (int jr = 0; jr < ncHere; jr += cols) {
            for (int ir = 0; ir < mcHere; ir += rows) {
              int at = cOffset + (ic + ir) * n + jc + jr;
              int bPanel = jr * steps;
              if (ir < inPlace) {
                // in place, a tile's rows are contiguous in a stored-transposed A, its steps
                // otherwise
                int aStart = transA ? aOffset + pc * m + ic + ir : aOffset + (ic + ir) * k + pc;
                int rowStride = transA ? 1 : k;
                int stepStride = transA ? m : 1;
                multiply(kcHere, a, aStart, rowStride, stepStride, w.packedB, bPanel, w.tile);
              } else {
                multiplyPacked(steps, w.packedA, (ir - inPlace) * steps, w.packedB, bPanel, w.tile);
              }
              if (ir + rows <= mcHere && jr + cols <= ncHere) {
                storeTile(w.tile, c, at, n, addToC);
              } else {
                storeEdge(
                    w.tile,
                    c,
                    at,
                    n,
                    Math.min(rows, mcHere - ir),
                    Math.min(cols, ncHere - jr),
                    addToC);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Whether the micro-kernel reads A's rows where they are instead of packing them: only where the
   * shape allows it at all ({@link GemmShape#readsAInPlace}, 512-bit vectors). With as few rows as
   * a training batch, every thread of a column split packs all of A again for few B panels, while
   * rows of a row-major A are already contiguous along k: reading them in place made 256×512×512
   * 9–11% and 128×1024×784 7% faster on 2 threads (best of 4 alternating rounds). Tall products
   * keep packing when their A block serves many panels (rows 8 KB or more apart start to share L2
   * sets), but not with at most two panels of columns and rows at least a panel deep, as a
   * convolution's im2col rows times its kernel: there packing copies all of A to read it once or
   * twice (W6's 15,488×64×288 forward 4.4–5.1 ms in place against 4.6–6.2 packed, 3 alternating JMH
   * rounds); its 9-deep first layer measured slower in place (2.7–2.8 against 1.8–2.3 ms).
   *
   * <p>A stored transposed (a kernel gradient's inputs) is then always read in place: a tile's rows
   * are then contiguous at each step, one step m floats from the next, so the micro-kernel reads it
   * as it would a packed panel with a longer stride, while packing it cost 0.65 ns per element.
   * Measured on Zen 4, one thread, against packing: 288×64×1331 (a chunk of W6's second kernel
   * gradient) 630 → 447 µs, 512×512×256 (W1's) 1,350 → 1,255 µs, 4096×64×512 3,550 → 2,574 µs,
   * 1024×1024×128 (W2's, steps 4 KiB apart) 2,682 → 2,556 µs; no shape tried was slower.
   */
  private boolean readsAInPlace(boolean transA, int m, int n, int k) {
    return aInPlace && (transA || m <= IN_PLACE_A_MAX_ROWS || (n <= 2 * cols && k >= cols));
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }
}
