package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The float64 elementwise kernels of float64 training: the active implementation gives the plain
 * reference's bits (the same roundings), on random lengths, offsets and activations.
 */
class Float64KernelsPropertyTest {

  @Property(tries = 200)
  void adamEqualsPlain(
      @ForAll @IntRange(max = 300) int n,
      @ForAll @IntRange(max = 20) int offset,
      @ForAll @IntRange(min = 1, max = 1000) int seed) {
    Random random = new Random(seed);
    double[][] expected = new double[4][offset + n + 3];
    for (double[] a : expected) {
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextGaussian();
      }
    }
    for (int i = 0; i < expected[3].length; i++) {
      expected[3][i] = Math.abs(expected[3][i]); // a velocity is never negative
    }
    double[][] actual = new double[4][];
    for (int a = 0; a < 4; a++) {
      actual[a] = expected[a].clone();
    }
    for (int step = 1; step <= 3; step++) {
      double alpha = 1e-3 * step;
      Kernels.plain()
          .adam(
              expected[0],
              expected[1],
              expected[2],
              expected[3],
              offset,
              n,
              alpha,
              0.1,
              1e-3,
              1e-7);
      Kernels.get()
          .adam(actual[0], actual[1], actual[2], actual[3], offset, n, alpha, 0.1, 1e-3, 1e-7);
    }
    for (int a = 0; a < 4; a++) {
      assertArrayEquals(expected[a], actual[a], "array " + a + " n=" + n + " offset=" + offset);
    }
  }

  /** An update long enough to be split over the kernel threads gives the plain loop's bits. */
  @Test
  void aLongAdamUpdateSplitOverThreadsEqualsPlain() {
    int n = 300_007;
    Random random = new Random(7);
    double[][] expected = new double[4][n + 1];
    for (double[] a : expected) {
      for (int i = 0; i < a.length; i++) {
        a[i] = Math.abs(random.nextGaussian());
      }
    }
    double[][] actual = new double[4][];
    for (int a = 0; a < 4; a++) {
      actual[a] = expected[a].clone();
    }
    Kernels.plain()
        .adam(expected[0], expected[1], expected[2], expected[3], 1, n, 1e-3, 0.1, 1e-3, 1e-7);
    Kernels.get().adam(actual[0], actual[1], actual[2], actual[3], 1, n, 1e-3, 0.1, 1e-3, 1e-7);
    for (int a = 0; a < 4; a++) {
      assertArrayEquals(expected[a], actual[a], "array " + a);
    }
  }

  @Test
  void adamFollowsKerasByHand() {
    double[] w = {1};
    double[] m = {0};
    double[] v = {0};
    Kernels.get().adam(w, new double[] {0.5}, m, v, 0, 1, 1e-3, 0.1, 1e-3, 1e-7);
    assertEquals(0.05, m[0], 1e-17);
    assertEquals(2.5e-4, v[0], 1e-19);
    assertEquals(1 - 1e-3 * 0.05 / (Math.sqrt(2.5e-4) + 1e-7), w[0], 1e-16);
  }

  @Property(tries = 200)
  void activationsEqualPlain(
      @ForAll Pointwise f,
      @ForAll @IntRange(max = 200) int n,
      @ForAll @IntRange(min = 1, max = 1000) int seed) {
    Random random = new Random(seed);
    double[] x = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian() * 3;
      g[i] = random.nextGaussian();
    }
    double[] expectedY = new double[n];
    double[] actualY = new double[n];
    Kernels.plain().pointwise(f, x, expectedY, n);
    Kernels.get().pointwise(f, x, actualY, n);
    assertArrayEquals(expectedY, actualY, f + " forward");
    double[] expected = new double[n];
    double[] actual = new double[n];
    double[] input = f.needsInput() ? x : null;
    Kernels.plain().pointwiseBackward(f, input, expectedY, g, expected, n);
    Kernels.get().pointwiseBackward(f, input, expectedY, g, actual, n);
    // relu's gradient is g or a zero: g·0 may be −0 in the formula, +0 in the blend
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i] + 0.0, actual[i] + 0.0, f + " backward at " + i);
    }
  }
}
