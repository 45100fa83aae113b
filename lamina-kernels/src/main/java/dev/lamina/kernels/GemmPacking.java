package dev.lamina.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of A and B into the panel layout the micro-kernel streams through: A as panels of
 * {@link GemmPackedKernel#ROWS} rows, B as panels of {@link GemmPackedKernel#COLS} columns, each
 * step of k contiguous. Ragged last panels are padded with zeros so the micro-kernel never needs a
 * tail; whichever of the two source orders is contiguous is read contiguously.
 *
 * <p>Whole panels are copied with vectors or loops of constant length, not System.arraycopy: a call
 * of its stub costs 7–9 ns, more than copying the few elements of one panel step. With 256-bit
 * vectors (16-float B steps, 4-float A steps) that was most of the packing: one thread, data fresh
 * from memory, W1's 512×512 B 215 → 91 µs, W2's 1024×1024 B 870 → 450 µs, W1's transposed 256×512 A
 * 250 → 90 µs.
 */
final class GemmPacking {
  private static final int ROWS = GemmPackedKernel.ROWS;
  private static final int COLS = GemmPackedKernel.COLS;
  private static final VectorSpecies<Float> SPECIES = GemmPackedKernel.SPECIES;
  private static final int LANES = SPECIES.length();

  private GemmPacking() {}

  /**
   * Packs rows [i0, i0+mc) and steps [p0, p0+kc) of op(A) (m×k) into {@code dest}, as panels {@code
   * steps} long (steps ≥ kc; the steps past kc are zeros).
   */
  static void packA(
      boolean transA,
      float[] a,
      int aOffset,
      int m,
      int k,
      int i0,
      int mc,
      int p0,
      int kc,
      int steps,
      float[] dest) {
    for (int panel = 0; panel * ROWS < mc; panel++) {
      int rows = Math.min(ROWS, mc - panel * ROWS);
      int first = i0 + panel * ROWS;
      int base = panel * ROWS * steps;
      // a ragged panel is zeros beyond its rows, every panel beyond its kc steps
      Arrays.fill(dest, base + (rows < ROWS ? 0 : ROWS * kc), base + ROWS * steps, 0f);
      if (transA && rows == ROWS) {
        // stored k×m: the panel's rows sit side by side in each stored row, a few elements that
        // a loop of constant length copies faster than System.arraycopy's call (see the class)
        for (int p = 0, from = aOffset + p0 * m + first, to = base; p < kc; p++) {
          for (int r = 0; r < ROWS; r++) {
            dest[to + r] = a[from + r];
          }
          from += m;
          to += ROWS;
        }
      } else if (transA) {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(a, aOffset + (p0 + p) * m + first, dest, base + p * ROWS, rows);
        }
      } else {
        for (int r = 0; r < rows; r++) {
          int from = aOffset + (first + r) * k + p0;
          for (int p = 0; p < kc; p++) {
            dest[base + p * ROWS + r] = a[from + p];
          }
        }
      }
    }
  }

  /**
   * Packs steps [p0, p0+kc) and columns [j0, j0+nc) of op(B) (k×n) into {@code dest}, as panels
   * {@code steps} long (steps ≥ kc; the steps past kc are zeros).
   */
  static void packB(
      boolean transB,
      float[] b,
      int bOffset,
      int n,
      int k,
      int p0,
      int kc,
      int steps,
      int j0,
      int nc,
      float[] dest) {
    for (int panel = 0; panel * COLS < nc; panel++) {
      int cols = Math.min(COLS, nc - panel * COLS);
      int first = j0 + panel * COLS;
      int base = panel * COLS * steps;
      // a ragged panel is zeros beyond its cols, every panel beyond its kc steps
      Arrays.fill(dest, base + (cols < COLS ? 0 : COLS * kc), base + COLS * steps, 0f);
      if (transB) {
        // stored n×k: a transpose, four stored rows at a time, each read along k while every
        // packed step gets four neighbouring floats; faster than 16-step strips of one row at a
        // time (packing half of a 1024×1024 Bᵀ: 420 → 300 µs; 128×1024×1024 NT on 2 threads
        // 6–7% faster, 3 alternating rounds)
        int j = 0;
        for (; j + 4 <= cols; j += 4) {
          int r0 = bOffset + (first + j) * k + p0;
          int r1 = r0 + k;
          int r2 = r1 + k;
          int r3 = r2 + k;
          for (int p = 0, to = base + j; p < kc; p++, to += COLS) {
            dest[to] = b[r0 + p];
            dest[to + 1] = b[r1 + p];
            dest[to + 2] = b[r2 + p];
            dest[to + 3] = b[r3 + p];
          }
        }
        for (; j < cols; j++) {
          int from = bOffset + (first + j) * k + p0;
          for (int p = 0, to = base + j; p < kc; p++, to += COLS) {
            dest[to] = b[from + p];
          }
        }
      } else if (cols == COLS) {
        // a whole panel's step is GemmShape.VECTORS vectors of a stored row
        for (int p = 0, from = bOffset + p0 * n + first, to = base; p < kc; p++) {
          for (int c = 0; c < COLS; c += LANES) {
            FloatVector.fromArray(SPECIES, b, from + c).intoArray(dest, to + c);
          }
          from += n;
          to += COLS;
        }
      } else {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, bOffset + (p0 + p) * n + first, dest, base + p * COLS, cols);
        }
      }
    }
  }
}
