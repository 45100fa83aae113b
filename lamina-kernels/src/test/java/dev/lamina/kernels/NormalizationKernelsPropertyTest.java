package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Batch normalization's column kernels: the active implementation equals the plain reference bit
 * for bit (each column sums its rows in the same order) on widths below, at and past a vector; and
 * the reference equals the formulas computed in float64 by hand.
 */
class NormalizationKernelsPropertyTest {

  @Property(tries = 300)
  void activeEqualsPlain(
      @ForAll @IntRange(min = 0, max = 40) int rows,
      @ForAll @IntRange(min = 1, max = 70) int cols,
      @ForAll long seed) {
    Inputs in = Inputs.random(rows, cols, new Random(seed));
    assertSameOutputs(in.run(Kernels.plain()), in.run(Kernels.get()), rows + "×" + cols);
  }

  @ParameterizedTest
  @CsvSource({
    // a W3 batch, widths with a column tail, fewer columns than two vectors, a ragged last part
    "256, 512",
    "300, 150",
    "1100, 37",
    "2049, 17",
  })
  void splitOverTheThreadsGivesThePlainBits(int rows, int cols) {
    int threadsBefore = KernelThreads.count();
    Inputs in = Inputs.random(rows, cols, new Random(rows * 31L + cols));
    float[][] expected = in.run(Kernels.plain());
    try {
      for (int threads = 1; threads <= 3; threads++) {
        KernelThreads.setCount(threads);
        assertSameOutputs(expected, in.run(Kernels.get()), threads + " threads");
      }
    } finally {
      KernelThreads.setCount(threadsBefore);
    }
  }

  /** Two random rows×cols matrices and five random column arrays. */
  private record Inputs(int rows, int cols, float[] a, float[] b, float[][] columns) {
    static Inputs random(int rows, int cols, Random random) {
      float[] a = NormalizationKernelsPropertyTest.random(rows * cols, random);
      float[] b = NormalizationKernelsPropertyTest.random(rows * cols, random);
      float[][] columns = new float[5][];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = NormalizationKernelsPropertyTest.random(cols, random);
      }
      return new Inputs(rows, cols, a, b, columns);
    }

    float[][] run(Kernels k) {
      return NormalizationKernelsPropertyTest.run(k, a, b, columns, rows, cols);
    }
  }

  private static void assertSameOutputs(float[][] expected, float[][] actual, String label) {
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], actual[i], "output " + i + ", " + label);
    }
  }

  /** Every kernel's output on the same inputs. */
  private static float[][] run(Kernels k, float[] a, float[] b, float[][] c, int rows, int cols) {
    float[] deviations = new float[cols];
    float[] products = new float[cols];
    float[] normalized = new float[rows * cols];
    float[] out = new float[rows * cols];
    float[] gradient = new float[rows * cols];
    k.sumSquaredDeviations(a, rows, cols, c[0], deviations);
    k.sumColumnProducts(a, b, rows, cols, products);
    k.batchNormForward(a, rows, cols, c[0], c[1], c[2], c[3], normalized, out);
    k.batchNormBackward(b, normalized, rows, cols, c[4], c[0], c[1], gradient);
    return new float[][] {deviations, products, normalized, out, gradient};
  }

  @Test
  void referenceFollowsTheFormulas() {
    int rows = 3;
    int cols = 2;
    float[] x = {1, -2, 3, 0.5f, -1, 4};
    float[] dy = {0.25f, 1, -0.5f, 2, 1.5f, -1};
    float[] mean = {1, 0.75f};
    float[] inverseStd = {0.5f, 2};
    float[] gamma = {2, -1};
    float[] beta = {0.1f, 0.2f};
    Kernels k = Kernels.plain();
    float[] deviations = new float[cols];
    k.sumSquaredDeviations(x, rows, cols, mean, deviations);
    assertArrayEquals(new float[] {0 + 4 + 4, 7.5625f + 0.0625f + 10.5625f}, deviations);
    float[] products = new float[cols];
    k.sumColumnProducts(x, dy, rows, cols, products);
    assertArrayEquals(new float[] {0.25f - 1.5f - 1.5f, -2 + 1 - 4}, products);
    float[] normalized = new float[rows * cols];
    float[] out = new float[rows * cols];
    k.batchNormForward(x, rows, cols, mean, inverseStd, gamma, beta, normalized, out);
    for (int i = 0; i < rows * cols; i++) {
      int j = i % cols;
      double xHat = (x[i] - mean[j]) * (double) inverseStd[j];
      assertEquals(xHat, normalized[i], 1e-6);
      assertEquals(xHat * gamma[j] + beta[j], out[i], 1e-6);
    }
    float[] factor = {0.5f, -0.25f};
    float[] sumGrad = {1.25f, 2};
    float[] sumGradNormalized = {-0.5f, 3};
    float[] gradIn = new float[rows * cols];
    k.batchNormBackward(dy, normalized, rows, cols, factor, sumGrad, sumGradNormalized, gradIn);
    for (int i = 0; i < rows * cols; i++) {
      int j = i % cols;
      double expected =
          factor[j] * (rows * (double) dy[i] - sumGrad[j] - normalized[i] * sumGradNormalized[j]);
      assertEquals(expected, gradIn[i], 1e-6);
    }
  }

  private static float[] random(int length, Random random) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (random.nextDouble() * 8 - 4);
    }
    return x;
  }
}
