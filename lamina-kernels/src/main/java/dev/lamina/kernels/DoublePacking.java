package dev.lamina.kernels;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GemmPacking} for doubles, into the panels of {@link DoublePackedKernel}: the same layout
 * and zero padding, spelled out once per element type since Java has no generics over primitive
 * arrays.
 */
final class DoublePacking {
  private static final int ROWS = DoublePackedKernel.ROWS;
  private static final int COLS = DoublePackedKernel.COLS;
  private static final VectorSpecies<Double> SPECIES = DoublePackedKernel.SPECIES;
  private static final int LANES = SPECIES.length();

  private DoublePacking() {}

  /**
   * Packs rows [i0, i0+mc) and steps [p0, p0+kc) of op(A) (m×k) into {@code dest}, as panels {@code
   * steps} long (steps ≥ kc; the steps past kc are zeros).
   */
  static void packA(
      boolean transA,
      double[] a,
      int aOffset,
      int m,
      int k,
      int i0,
      int mc,
      int p0,
      int kc,
      int steps,
      double[] dest) {
    for (int panel = 0; panel * ROWS < mc; panel++) {
      int rows = Math.min(ROWS, mc - panel * ROWS);
      int first = i0 + panel * ROWS;
      int base = panel * ROWS * steps;
      // a ragged panel is zeros beyond its rows, every panel beyond its kc steps
      Arrays.fill(dest, base + (rows < ROWS ? 0 : ROWS * kc), base + ROWS * steps, 0.0);
      if (transA && rows == ROWS) {
        // stored k×m: the panel's rows sit side by side in each stored row, a few elements that
        // a loop of constant length copies faster than System.arraycopy's call (see GemmPacking)
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
      double[] b,
      int bOffset,
      int n,
      int k,
      int p0,
      int kc,
      int steps,
      int j0,
      int nc,
      double[] dest) {
    for (int panel = 0; panel * COLS < nc; panel++) {
      int cols = Math.min(COLS, nc - panel * COLS);
      int first = j0 + panel * COLS;
      int base = panel * COLS * steps;
      // a ragged panel is zeros beyond its cols, every panel beyond its kc steps
      Arrays.fill(dest, base + (cols < COLS ? 0 : COLS * kc), base + COLS * steps, 0.0);
      if (transB) {
        // stored n×k: four stored rows at a time, as GemmPacking measured fastest
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
            DoubleVector.fromArray(SPECIES, b, from + c).intoArray(dest, to + c);
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
