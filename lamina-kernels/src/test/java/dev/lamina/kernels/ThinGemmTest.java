package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Products with a short side (few steps, or few rows of a stored-transposed A) that skip the packed
 * GEMM: every edge of the four-row, two-vector tile, steps past one block, and both ways of writing
 * C, against the plain reference at each vector width this suite runs at.
 */
class ThinGemmTest {
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @ParameterizedTest
  @CsvSource({
    // m, n, k, transA: a convolution's first layer (3×3 grey windows) and its kernel gradient;
    // row counts 1 to 5 past a whole tile, an odd number of vectors, a column tail, steps over two
    // blocks, the longest short side
    "700, 32, 9, false",
    "9, 32, 3000, true",
    "601, 37, 1, false",
    "1, 48, 300, true",
    "6, 80, 257, true",
    "11, 519, 256, true",
    "1030, 21, 16, false",
    "16, 64, 600, true",
  })
  void equalsPlainReference(int m, int n, int k, boolean transA) {
    assertTrue(ThinGemm.takes(transA, false, m, n, k));
    KernelThreads.setCount(3);
    for (boolean accumulate : new boolean[] {false, true}) {
      GemmCase g = GemmCase.random(m, n, k, 2, new Random(m * 31L + n + k));
      float[] expected = g.run(Kernels.plain(), transA, false, accumulate);
      float[] actual = g.run(Kernels.get(), transA, false, accumulate);
      g.assertClose(expected, actual, transA, false);
      for (int i = 0; i < 2; i++) {
        assertEquals(GemmCase.SENTINEL, actual[i], "before C at " + i);
        assertEquals(GemmCase.SENTINEL, actual[actual.length - 1 - i], "after C at " + i);
      }
    }
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    // every element is one chain over the steps in order, whichever thread owns its columns
    GemmCase g = GemmCase.random(11, 300, 700, 0, new Random(3));
    KernelThreads.setCount(1);
    float[] one = g.run(Kernels.get(), true, false, false);
    KernelThreads.setCount(4);
    assertArrayEquals(one, g.run(Kernels.get(), true, false, false));
  }

  @Test
  void leavesOtherShapesToThePackedGemm() {
    assertFalse(ThinGemm.takes(true, false, 17, 64, 100), "17 rows are not short");
    assertFalse(ThinGemm.takes(false, false, 256, 512, 11), "rows read in place go packed");
    assertFalse(ThinGemm.takes(false, true, 700, 32, 9), "B stored transposed");
    assertFalse(ThinGemm.takes(true, false, 9, 1, 300), "less than a vector of columns");
    assertFalse(ThinGemm.takes(true, false, 9, 32, 0), "no steps");
  }
}
