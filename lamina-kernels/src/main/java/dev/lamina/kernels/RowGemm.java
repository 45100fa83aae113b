package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * The plain kernels' GEMM. Every element of C is the definition's sum, the products
 * op(A)[i][p]·op(B)[p][j] added in order of p starting from +0 and then added to C when
 * accumulating, but computed as updates of whole rows, sum[i][·] += op(A)[i][p]·op(B)[p][·], a loop
 * that C2 turns into vector instructions by itself (SuperWord) where the triple loop's sum is one
 * chain of dependent adds. Each pass over a row of sums adds four steps of k, left to right as the
 * definition does, so that the sums are loaded and stored once per four products: W1's products at
 * 53–64 GFLOP/s on one Zen 5 core against 1.3 for the triple loop (one step per pass: 34–39), with
 * the same bits. C2 vectorizes such a loop only over arrays that it reads and writes from offset
 * zero (two arrays at unknown offsets might overlap), so op(B) is first copied into an array per
 * row and each block of C's rows is summed in arrays of its own.
 */
abstract class RowGemm<A> {
  /** Rows of C summed together, so that each row of op(B) is read once per block. */
  private static final int ROWS = 8;

  private final ThreadLocal<Workspace<A>> workspace =
      ThreadLocal.withInitial(() -> new Workspace<>(this));

  abstract A newArray(int length);

  abstract A[] newRows(int count);

  abstract int length(A array);

  /**
   * rows[p][j] = op(B)[p][j] for p < k and j < n. Stored transposed, op(B)'s rows are B's columns,
   * copied eight at a time into rows held in locals, so that each of B's rows is read in runs: W1's
   * 512×512 copy in 176 µs against 270 for sixteen columns indexed through the array of rows.
   */
  abstract void copyRows(boolean transB, A b, int bOffset, int n, int k, A[] rows);

  /** sum[j] += a[aIndex]·row[j] for j < n: the loop C2 vectorizes. */
  abstract void addScaledRow(A a, int aIndex, A row, A sum, int n);

  /**
   * sum[j] = sum[j] + a[at]·r0[j] + a[at + step]·r1[j] + a[at + 2·step]·r2[j] + a[at +
   * 3·step]·r3[j] for j < n, added left to right.
   */
  abstract void addFourScaledRows(A a, int at, int step, A r0, A r1, A r2, A r3, A sum, int n);

  /** sum[0..n) = +0. */
  abstract void clear(A sum, int n);

  /** C's row at cOffset = sum, or C's row + sum when accumulating. */
  abstract void store(A sum, A c, int cOffset, int n, boolean accumulate);

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
    Workspace<A> w = workspace.get();
    A[] bRows = w.bRows(k, n);
    copyRows(transB, b, bOffset, n, k, bRows);
    int blocks = (m + ROWS - 1) / ROWS;
    int parts = Math.min(KernelThreads.count(), blocks);
    if (parts == 1 || (long) m * n * k < BlockedGemm.PARALLEL_MIN_WORK) {
      rows(transA, m, n, k, a, aOffset, bRows, c, cOffset, accumulate, 0, m);
      return;
    }
    Split<A> split = w.split;
    split.set(transA, m, n, k, a, aOffset, bRows, c, cOffset, accumulate, blocks);
    try {
      KernelThreads.runParts(split, parts);
    } finally {
      split.clear();
    }
  }

  /** Rows [from, to) of C, block by block, in this thread's own sums. */
  private void rows(
      boolean transA,
      int m,
      int n,
      int k,
      A a,
      int aOffset,
      A[] bRows,
      A c,
      int cOffset,
      boolean accumulate,
      int from,
      int to) {
    A[] sums = workspace.get().sums(n);
    for (int first = from; first < to; first += ROWS) {
      int rows = Math.min(ROWS, to - first);
      for (int r = 0; r < rows; r++) {
        clear(sums[r], n);
      }
      int step = transA ? m : 1;
      int p = 0;
      for (; p + 4 <= k; p += 4) {
        A b0 = bRows[p];
        A b1 = bRows[p + 1];
        A b2 = bRows[p + 2];
        A b3 = bRows[p + 3];
        for (int r = 0; r < rows; r++) {
          int at = aOffset + aIndex(transA, m, k, first + r, p);
          addFourScaledRows(a, at, step, b0, b1, b2, b3, sums[r], n);
        }
      }
      for (; p < k; p++) {
        for (int r = 0; r < rows; r++) {
          addScaledRow(a, aOffset + aIndex(transA, m, k, first + r, p), bRows[p], sums[r], n);
        }
      }
      for (int r = 0; r < rows; r++) {
        store(sums[r], c, cOffset + (first + r) * n, n, accumulate);
      }
    }
  }

  /** Where op(A)[i][p] lies in A, from A's start. */
  private static int aIndex(boolean transA, int m, int k, int i, int p) {
    return transA ? p * m + i : i * k + p;
  }

  /** A thread's arrays, grown to the largest product it has seen. */
  private static final class Workspace<A> {
    private final RowGemm<A> gemm;
    private final Split<A> split;
    private A[] bRows;
    private A[] sums;

    Workspace(RowGemm<A> gemm) {
      this.gemm = gemm;
      this.split = new Split<>(gemm);
      this.bRows = gemm.newRows(0);
      this.sums = gemm.newRows(0);
    }

    /** At least k rows of at least n elements each. */
    A[] bRows(int k, int n) {
      bRows = grown(bRows, k, n);
      return bRows;
    }

    /** ROWS rows of at least n elements each. */
    A[] sums(int n) {
      sums = grown(sums, ROWS, n);
      return sums;
    }

    /** rows itself when it has count rows of width elements, else new rows of the wider size. */
    private A[] grown(A[] rows, int count, int width) {
      int length = rows.length == 0 ? 0 : gemm.length(rows[0]);
      if (rows.length >= count && (rows.length == 0 || length >= width)) {
        return rows;
      }
      A[] grown = gemm.newRows(Math.max(count, rows.length));
      for (int r = 0; r < grown.length; r++) {
        grown[r] = gemm.newArray(Math.max(width, length));
      }
      return grown;
    }
  }

  /**
   * One split product, reused by its calling thread so that splitting allocates nothing: part t of
   * p owns the t-th of p ranges of whole blocks of C's rows.
   */
  private static final class Split<A> implements KernelThreads.PartedTask {
    private final RowGemm<A> gemm;
    private boolean transA;
    private int m;
    private int n;
    private int k;
    private A a;
    private int aOffset;
    private A[] bRows;
    private A c;
    private int cOffset;
    private boolean accumulate;
    private int blocks;

    Split(RowGemm<A> gemm) {
      this.gemm = gemm;
    }

    void set(
        boolean transA,
        int m,
        int n,
        int k,
        A a,
        int aOffset,
        A[] bRows,
        A c,
        int cOffset,
        boolean accumulate,
        int blocks) {
      this.transA = transA;
      this.m = m;
      this.n = n;
      this.k = k;
      this.a = a;
      this.aOffset = aOffset;
      this.bRows = bRows;
      this.c = c;
      this.cOffset = cOffset;
      this.accumulate = accumulate;
      this.blocks = blocks;
    }

    /** Drops the caller's arrays: an idle thread must not keep them alive. */
    void clear() {
      a = null;
      bRows = null;
      c = null;
    }

    @Override
    public void runPart(int part, int parts) {
      int from = Math.min(m, blocks * part / parts * ROWS);
      int to = Math.min(m, blocks * (part + 1) / parts * ROWS);
      gemm.rows(transA, m, n, k, a, aOffset, bRows, c, cOffset, accumulate, from, to);
    }
  }
}
