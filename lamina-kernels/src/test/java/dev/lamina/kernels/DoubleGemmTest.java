package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The double GEMM of float64 models equals the plain reference on random shapes, transposes and
 * offsets, on the blocked, single-column, narrow and threaded paths, and writes nothing outside C.
 */
class DoubleGemmTest {
  private static final double SENTINEL = -12345;
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @Provide
  Arbitrary<Integer> size() {
    // edges first: empty, single, odd, one less and one more than a double tile and a vector
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, 2, 3, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33),
        Arbitraries.integers().between(0, 70));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void equalsPlainReference(
      @ForAll("size") int m,
      @ForAll("size") int n,
      @ForAll("size") int k,
      @ForAll boolean transA,
      @ForAll boolean transB,
      @ForAll boolean accumulate,
      @ForAll @IntRange(min = 0, max = 5) int offset,
      @ForAll long seed) {
    Problem p = new Problem(m, n, k, offset, new Random(seed));
    p.assertClose(
        p.run(Kernels.plain(), transA, transB, accumulate),
        p.run(Kernels.get(), transA, transB, accumulate));
  }

  @ParameterizedTest
  @CsvSource({
    // past every cache block and split over threads; one column; a narrow product run transposed
    "150, 1100, 530, false, false",
    "601, 130, 520, false, false",
    "700, 1, 530, true, true",
    "1030, 7, 530, true, false",
    "301, 257, 1030, false, true",
    "97, 600, 515, true, true",
  })
  void largeShapesEqualPlainReference(int m, int n, int k, boolean transA, boolean transB) {
    KernelThreads.setCount(3);
    Problem p = new Problem(m, n, k, 1, new Random(m * 31L + n));
    p.assertClose(
        p.run(Kernels.plain(), transA, transB, true), p.run(Kernels.get(), transA, transB, true));
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Problem p = new Problem(260, 700, 300, 0, new Random(5));
    KernelThreads.setCount(1);
    double[] one = p.run(Kernels.get(), false, true, false);
    KernelThreads.setCount(4);
    assertArrayEquals(one, p.run(Kernels.get(), false, true, false));
  }

  @Test
  void writesNothingOutsideC() {
    Problem p = new Problem(37, 41, 29, 3, new Random(7));
    double[] c = p.run(Kernels.get(), true, false, false);
    for (int i = 0; i < 3; i++) {
      assertEquals(SENTINEL, c[i], "before C at " + i);
      assertEquals(SENTINEL, c[c.length - 1 - i], "after C at " + i);
    }
  }

  @Test
  void rejectsAnOperandOutsideItsArray() {
    double[] small = new double[5];
    for (Kernels kernels : new Kernels[] {Kernels.plain(), Kernels.get()}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  kernels.gemm(
                      false, false, 2, 2, 3, small, 0, new double[6], 0, new double[4], 0, false));
      assertTrue(e.getMessage().contains("A stored 2×3 needs 6 doubles"), e.getMessage());
    }
  }

  /** GemmCase's random problem in double precision, with C's neighbourhood set to SENTINEL. */
  private record Problem(int m, int n, int k, int offset, double[] a, double[] b, double[] c0) {
    Problem(int m, int n, int k, int offset, Random random) {
      this(GemmCase.random(m, n, k, offset, random));
    }

    private Problem(GemmCase g) {
      this(g.m(), g.n(), g.k(), g.offset(), widen(g.a()), widen(g.b()), widen(g.c0()));
    }

    private static double[] widen(float[] x) {
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = x[i];
      }
      return out;
    }

    double[] run(Kernels kernels, boolean transA, boolean transB, boolean accumulate) {
      double[] c = c0.clone();
      Arrays.fill(c, 0, offset, SENTINEL);
      Arrays.fill(c, offset + m * n, c.length, SENTINEL);
      kernels.gemm(transA, transB, m, n, k, a, offset, b, offset, c, offset, accumulate);
      return c;
    }

    /** Sums in another order and with fused multiply-adds differ by rounding only: 1e-13·k. */
    void assertClose(double[] expected, double[] actual) {
      for (int i = 0; i < expected.length; i++) {
        double tolerance = 1e-13 * (k + 1) * (1 + Math.abs(expected[i]));
        if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
          fail(
              "gemm m="
                  + m
                  + " n="
                  + n
                  + " k="
                  + k
                  + ": at "
                  + i
                  + " expected "
                  + expected[i]
                  + " got "
                  + actual[i]);
        }
      }
    }
  }
}
