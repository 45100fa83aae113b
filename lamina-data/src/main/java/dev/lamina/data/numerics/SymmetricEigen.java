package dev.lamina.data.numerics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations (Numerical Recipes'
 * {@code jacobi}): slower than a tridiagonal QL for large matrices but simple and accurate to a few
 * ulps of the largest eigenvalue, which is what PCA needs.
 *
 * @param values eigenvalues, largest first
 * @param vectors {@code vectors[i]} is the unit eigenvector of {@code values[i]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {
  private static final int MAX_SWEEPS = 100;

  /** Decomposes {@code matrix} (only its upper triangle is read; it is overwritten). */
  public static SymmetricEigen of(double[][] matrix) {
    int n = matrix.length;
    double[][] vectors = new double[n][n];
    double[] diagonal = new double[n];
    double[] sweepStart = new double[n];
    double[] accumulated = new double[n];
    for (int i = 0; i < n; i++) {
      vectors[i][i] = 1;
      diagonal[i] = matrix[i][i];
      sweepStart[i] = diagonal[i];
    }
    for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
      double offDiagonal = 0;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          offDiagonal += Math.abs(matrix[p][q]);
        }
      }
      if (offDiagonal == 0) {
        return sorted(diagonal, vectors);
      }
      // the first sweeps skip small elements: rotating the large ones first converges faster
      double threshold = sweep < 4 ? 0.2 * offDiagonal / (n * (double) n) : 0;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double element = matrix[p][q];
          double g = 100 * Math.abs(element);
          if (sweep > 4
              && Math.abs(diagonal[p]) + g == Math.abs(diagonal[p])
              && Math.abs(diagonal[q]) + g == Math.abs(diagonal[q])) {
            matrix[p][q] = 0;
          } else if (Math.abs(element) > threshold) {
            double h = diagonal[q] - diagonal[p];
            double t;
            if (Math.abs(h) + g == Math.abs(h)) {
              t = element / h;
            } else {
              double theta = 0.5 * h / element;
              t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
              if (theta < 0) {
                t = -t;
              }
            }
            double c = 1 / Math.sqrt(1 + t * t);
            double s = t * c;
            double tau = s / (1 + c);
            double shift = t * element;
            accumulated[p] -= shift;
            accumulated[q] += shift;
            diagonal[p] -= shift;
            diagonal[q] += shift;
            matrix[p][q] = 0;
            rotate(matrix, p, q, s, tau);
            rotateRows(vectors[p], vectors[q], s, tau, 0, n);
          }
        }
      }
      for (int i = 0; i < n; i++) {
        sweepStart[i] += accumulated[i];
        diagonal[i] = sweepStart[i];
        accumulated[i] = 0;
      }
    }
    throw new ArithmeticException(
        "SymmetricEigen: no convergence after "
            + MAX_SWEEPS
            + " sweeps on a "
            + n
            + "x"
            + n
            + " matrix (does it hold NaN or infinity?)");
  }

  /** Applies the rotation of (p, q) to the rest of the upper triangle. */
  private static void rotate(double[][] a, int p, int q, double s, double tau) {
    for (int j = 0; j < p; j++) {
      double g = a[j][p];
      double h = a[j][q];
      a[j][p] = g - s * (h + g * tau);
      a[j][q] = h + s * (g - h * tau);
    }
    for (int j = p + 1; j < q; j++) {
      double g = a[p][j];
      double h = a[j][q];
      a[p][j] = g - s * (h + g * tau);
      a[j][q] = h + s * (g - h * tau);
    }
    rotateRows(a[p], a[q], s, tau, q + 1, a.length);
  }

  private static void rotateRows(
      double[] first, double[] second, double s, double tau, int from, int to) {
    for (int j = from; j < to; j++) {
      double g = first[j];
      double h = second[j];
      first[j] = g - s * (h + g * tau);
      second[j] = h + s * (g - h * tau);
    }
  }

  private static SymmetricEigen sorted(double[] values, double[][] vectors) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> -values[i]));
    double[] sortedValues = new double[values.length];
    double[][] sortedVectors = new double[values.length][];
    for (int i = 0; i < order.length; i++) {
      sortedValues[i] = values[order[i]];
      sortedVectors[i] = vectors[order[i]];
    }
    return new SymmetricEigen(sortedValues, sortedVectors);
  }
}
