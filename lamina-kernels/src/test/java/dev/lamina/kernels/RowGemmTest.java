package dev.lamina.kernels;

import static dev.lamina.kernels.OrderedSums.assertSameBits;
import static dev.lamina.kernels.OrderedSums.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The plain GEMM computed by rows gives the bits of the definition, the triple loop below that adds
 * each element's products in order of k from +0 and then adds the sum to C: for both element types,
 * every transpose, offsets, accumulation, special values, and products split over threads.
 */
class RowGemmTest {
  @Provide
  Arbitrary<Integer> size() {
    // around the 8-row blocks and the vector lengths the JIT uses
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, 2, 7, 8, 9, 15, 16, 17, 33), Arbitraries.integers().between(0, 70));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void floatRowsGiveTheDefinitionsBits(
      @ForAll("size") int m,
      @ForAll("size") int n,
      @ForAll("size") int k,
      @ForAll boolean transA,
      @ForAll boolean transB,
      @ForAll boolean accumulate,
      @ForAll @IntRange(min = 0, max = 3) int offset,
      @ForAll boolean specials,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] a = floats(offset + m * k, specials, random);
    float[] b = floats(offset + k * n, specials, random);
    float[] c = floats(offset + m * n + 2, specials, random);
    float[] expected = c.clone();
    definition(transA, transB, m, n, k, a, offset, b, offset, expected, offset, accumulate);
    float[] actual = c.clone();
    Kernels.plain().gemm(transA, transB, m, n, k, a, offset, b, offset, actual, offset, accumulate);
    assertSameBits(expected, actual, "C");
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void doubleRowsGiveTheDefinitionsBits(
      @ForAll("size") int m,
      @ForAll("size") int n,
      @ForAll("size") int k,
      @ForAll boolean transA,
      @ForAll boolean transB,
      @ForAll boolean accumulate,
      @ForAll long seed) {
    Random random = new Random(seed);
    double[] a = doubles(m * k, random);
    double[] b = doubles(k * n, random);
    double[] c = doubles(m * n, random);
    double[] expected = c.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
        }
        expected[i * n + j] = accumulate ? expected[i * n + j] + sum : sum;
      }
    }
    double[] actual = c.clone();
    Kernels.plain().gemm(transA, transB, m, n, k, a, 0, b, 0, actual, 0, accumulate);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), "C[" + i + "]");
    }
  }

  /** Large enough to split over threads (the parts own whole blocks of rows), and ragged. */
  @Test
  void productsSplitOverThreadsGiveTheSameBits() {
    int before = KernelThreads.count();
    KernelThreads.setCount(3);
    try {
      int m = 203;
      int n = 97;
      int k = 61;
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          Random random = new Random(11);
          float[] a = floats(m * k, false, random);
          float[] b = floats(k * n, false, random);
          float[] expected = floats(m * n, false, random);
          float[] actual = expected.clone();
          definition(transA, transB, m, n, k, a, 0, b, 0, expected, 0, true);
          Kernels.plain().gemm(transA, transB, m, n, k, a, 0, b, 0, actual, 0, true);
          assertSameBits(expected, actual, "C");
        }
      }
    } finally {
      KernelThreads.setCount(before);
    }
  }

  private static void definition(
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
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          float av = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
          float bv = transB ? b[bOffset + j * k + p] : b[bOffset + p * n + j];
          sum += av * bv;
        }
        int ci = cOffset + i * n + j;
        c[ci] = accumulate ? c[ci] + sum : sum;
      }
    }
  }

  private static double[] doubles(int length, Random random) {
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
    }
    return x;
  }
}
