package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shapes past every cache block (MC, KC, NC) and big enough to be split across threads. */
class GemmLargeShapesTest {
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @ParameterizedTest
  @CsvSource({
    // m, n, k, transA, transB: wide (split over columns), tall (split over rows), all four orders;
    // row-major A with up to 512 rows is read in place, taller ones are packed
    "150, 1100, 530, false, false",
    "601, 130, 520, false, false",
    // a last k-block of odd length, packed with a zero step (1031 = 1024 + 7)
    "601, 130, 1031, false, false",
    "150, 300, 1031, true, true",
    // one column (a matrix-vector product), and a few columns with a stored-transposed A, which
    // runs as Cᵀ = op(B)ᵀ·op(A)ᵀ, here long enough for that product to be split over threads
    "700, 1, 530, false, false",
    "700, 1, 530, true, true",
    "2100, 12, 300, true, false",
    "1030, 70, 530, true, false",
    "301, 257, 1030, false, true",
    "70, 90, 2100, false, false",
    "97, 1200, 515, true, true",
  })
  void equalsPlainReference(int m, int n, int k, boolean transA, boolean transB) {
    KernelThreads.setCount(3);
    GemmCase g = GemmCase.random(m, n, k, 1, new Random(m * 31L + n));
    float[] expected = g.run(Kernels.plain(), transA, transB, true);
    g.assertClose(expected, g.run(Kernels.get(), transA, transB, true), transA, transB);
  }

  @Test
  void anOddBlocksPaddingStepIsZerosWhateverThePackingBuffersHeldBefore() {
    // the padding step multiplies A's by B's: a stale infinity on either side would make NaN
    KernelThreads.setCount(1);
    GemmCase stale = GemmCase.random(601, 130, 102, 0, new Random(3));
    Arrays.fill(stale.a(), Float.POSITIVE_INFINITY);
    Arrays.fill(stale.b(), Float.NaN);
    stale.run(Kernels.get(), false, false, false);
    GemmCase g = GemmCase.random(601, 130, 101, 0, new Random(4));
    float[] expected = g.run(Kernels.plain(), false, false, false);
    g.assertClose(expected, g.run(Kernels.get(), false, false, false), false, false);
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    // each thread owns whole columns or rows of C, so every element is summed in the same order
    GemmCase g = GemmCase.random(260, 700, 300, 0, new Random(5));
    KernelThreads.setCount(1);
    float[] one = g.run(Kernels.get(), false, false, false);
    KernelThreads.setCount(4);
    assertArrayEquals(one, g.run(Kernels.get(), false, false, false));
  }
}
