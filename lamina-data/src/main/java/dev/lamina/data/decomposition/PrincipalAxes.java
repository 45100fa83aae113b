package dev.lamina.data.decomposition;

import dev.lamina.data.numerics.SymmetricEigen;
import dev.lamina.kernels.Kernels;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What PCA learns, computed in double precision: the mean, the principal axes (rows of {@code
 * components}, largest variance first, signs as scikit-learn's svd_flip) and the variance along
 * every axis (all of them, for the ratios and the noise variance).
 */
record PrincipalAxes(
    double[] mean,
    double[][] components,
    double[] explainedVariance,
    double[] singularValues,
    double totalVariance) {
  private static final int ROWS_PER_TASK = 256;
  private static final int BLOCK_ROWS = 8;

  /**
   * The exact decomposition: the eigenvectors of the centered Gram matrix XᵀX, whose eigenvalues
   * are the squared singular values of the centered data.
   */
  static PrincipalAxes full(double[][] columns, int rows) {
    double[] mean = means(columns, rows);
    SymmetricEigen eigen = SymmetricEigen.of(gram(columns, mean, rows));
    int axes = Math.min(rows, columns.length);
    double[][] components = new double[axes][];
    double[] variance = new double[axes];
    double[] singular = new double[axes];
    double total = 0;
    for (int i = 0; i < axes; i++) {
      components[i] = eigen.vectors()[i];
      double squared = Math.max(0, eigen.values()[i]);
      singular[i] = Math.sqrt(squared);
      variance[i] = squared / (rows - 1);
      total += variance[i];
    }
    return new PrincipalAxes(mean, components, variance, singular, total);
  }

  /**
   * Halko et al.'s randomized range finder, as scikit-learn's randomized solver (10 extra samples,
   * 7 power iterations for few components and 4 otherwise, orthonormalized each time): only {@code
   * count} axes, for data with many columns.
   */
  static PrincipalAxes randomized(double[][] columns, int rows, int count, long seed) {
    int width = columns.length;
    double[] mean = means(columns, rows);
    double[][] centered = new double[width][rows];
    double total = 0;
    for (int f = 0; f < width; f++) {
      double squares = 0;
      for (int r = 0; r < rows; r++) {
        centered[f][r] = columns[f][r] - mean[f];
        squares += centered[f][r] * centered[f][r];
      }
      total += squares / (rows - 1);
    }
    int samples = Math.min(count + 10, Math.min(rows, width));
    int iterations = count < 0.1 * Math.min(rows, width) ? 7 : 4;
    Random random = new Random(seed);
    double[][] probe = new double[samples][width];
    for (double[] row : probe) {
      for (int f = 0; f < width; f++) {
        row[f] = random.nextGaussian();
      }
    }
    double[][] range = orthonormal(times(centered, probe, rows));
    for (int i = 0; i < iterations; i++) {
      range = orthonormal(times(centered, orthonormal(transposeTimes(centered, range)), rows));
    }
    double[][] small = transposeTimes(centered, range);
    double[][] smallGram = new double[samples][samples];
    for (int i = 0; i < samples; i++) {
      for (int j = i; j < samples; j++) {
        smallGram[i][j] = dot(small[i], small[j]);
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(smallGram);
    double[][] components = new double[count][width];
    double[] variance = new double[count];
    double[] singular = new double[count];
    for (int i = 0; i < count; i++) {
      singular[i] = Math.sqrt(Math.max(0, eigen.values()[i]));
      variance[i] = singular[i] * singular[i] / (rows - 1);
      for (int s = 0; s < samples; s++) {
        double weight = eigen.vectors()[i][s] / singular[i];
        for (int f = 0; f < width; f++) {
          components[i][f] += weight * small[s][f];
        }
      }
    }
    return new PrincipalAxes(mean, components, variance, singular, total);
  }

  /** The first {@code count} axes, each turned so that its largest-magnitude score is positive. */
  PrincipalAxes firstWithSigns(int count, double[][] columns, int rows) {
    double[][] kept = new double[count][];
    float[] data = new float[rows * columns.length];
    for (int f = 0; f < columns.length; f++) {
      for (int r = 0; r < rows; r++) {
        data[r * columns.length + f] = (float) (columns[f][r] - mean[f]);
      }
    }
    float[] axes = new float[count * columns.length];
    for (int i = 0; i < count; i++) {
      for (int f = 0; f < columns.length; f++) {
        axes[i * columns.length + f] = (float) components[i][f];
      }
    }
    // single precision suffices to find the row of the largest score and its sign
    float[] scores = new float[rows * count];
    Kernels.get()
        .gemm(false, true, rows, count, columns.length, data, 0, axes, 0, scores, 0, false);
    for (int i = 0; i < count; i++) {
      int largest = 0;
      for (int r = 1; r < rows; r++) {
        if (Math.abs(scores[r * count + i]) > Math.abs(scores[largest * count + i])) {
          largest = r;
        }
      }
      kept[i] = components[i].clone();
      if (scores[largest * count + i] < 0) {
        for (int f = 0; f < kept[i].length; f++) {
          kept[i][f] = -kept[i][f];
        }
      }
    }
    return new PrincipalAxes(mean, kept, explainedVariance, singularValues, totalVariance);
  }

  private static double[] means(double[][] columns, int rows) {
    double[] mean = new double[columns.length];
    for (int f = 0; f < columns.length; f++) {
      double sum = 0;
      for (int r = 0; r < rows; r++) {
        sum += columns[f][r];
      }
      mean[f] = sum / rows;
    }
    return mean;
  }

  /** The upper triangle of (X - mean)ᵀ(X - mean), summed over row ranges in parallel. */
  private static double[][] gram(double[][] columns, double[] mean, int rows) {
    int width = columns.length;
    int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    return IntStream.range(0, tasks)
        .parallel()
        .mapToObj(
            task ->
                partialGram(
                    columns,
                    mean,
                    task * ROWS_PER_TASK,
                    Math.min(rows, (task + 1) * ROWS_PER_TASK)))
        .reduce(
            (a, b) -> {
              for (int i = 0; i < width; i++) {
                for (int j = i; j < width; j++) {
                  a[i][j] += b[i][j];
                }
              }
              return a;
            })
        .orElseGet(() -> new double[width][width]);
  }

  /**
   * Rank-8 updates: eight centered rows at a time, so that each Gram row is loaded and stored once
   * per eight rows and the loop is bound by arithmetic rather than memory.
   */
  private static double[][] partialGram(double[][] columns, double[] mean, int from, int to) {
    int width = columns.length;
    double[][] gram = new double[width][width];
    double[][] block = new double[BLOCK_ROWS][width];
    for (int start = from; start < to; start += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, to - start);
      for (int k = 0; k < BLOCK_ROWS; k++) {
        for (int f = 0; f < width; f++) {
          block[k][f] = k < count ? columns[f][start + k] - mean[f] : 0;
        }
      }
      double[] r0 = block[0];
      double[] r1 = block[1];
      double[] r2 = block[2];
      double[] r3 = block[3];
      double[] r4 = block[4];
      double[] r5 = block[5];
      double[] r6 = block[6];
      double[] r7 = block[7];
      for (int i = 0; i < width; i++) {
        double a0 = r0[i];
        double a1 = r1[i];
        double a2 = r2[i];
        double a3 = r3[i];
        double a4 = r4[i];
        double a5 = r5[i];
        double a6 = r6[i];
        double a7 = r7[i];
        double[] row = gram[i];
        for (int j = i; j < width; j++) {
          row[j] +=
              a0 * r0[j]
                  + a1 * r1[j]
                  + a2 * r2[j]
                  + a3 * r3[j]
                  + (a4 * r4[j] + a5 * r5[j] + a6 * r6[j] + a7 * r7[j]);
        }
      }
    }
    return gram;
  }

  /** (X · probeᵀ) as columns: one array of {@code rows} per probe row. */
  private static double[][] times(double[][] columns, double[][] probe, int rows) {
    double[][] result = new double[probe.length][rows];
    for (int s = 0; s < probe.length; s++) {
      for (int f = 0; f < columns.length; f++) {
        double weight = probe[s][f];
        double[] column = columns[f];
        double[] out = result[s];
        for (int r = 0; r < rows; r++) {
          out[r] += weight * column[r];
        }
      }
    }
    return result;
  }

  /** Xᵀ · basis: one array of features per basis column. */
  private static double[][] transposeTimes(double[][] columns, double[][] basis) {
    double[][] result = new double[basis.length][columns.length];
    for (int s = 0; s < basis.length; s++) {
      for (int f = 0; f < columns.length; f++) {
        result[s][f] = dot(columns[f], basis[s]);
      }
    }
    return result;
  }

  /** Modified Gram-Schmidt, twice for stability; the vectors are replaced. */
  private static double[][] orthonormal(double[][] vectors) {
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < vectors.length; i++) {
        for (int j = 0; j < i; j++) {
          double projection = dot(vectors[i], vectors[j]);
          for (int r = 0; r < vectors[i].length; r++) {
            vectors[i][r] -= projection * vectors[j][r];
          }
        }
        double norm = Math.sqrt(dot(vectors[i], vectors[i]));
        for (int r = 0; r < vectors[i].length; r++) {
          vectors[i][r] = norm == 0 ? 0 : vectors[i][r] / norm;
        }
      }
    }
    return vectors;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
