package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scaleAndDot over arrays long enough to be split (block counts that do not divide among the
 * threads, a partial last block and vector, offsets) gives the same scaled array and the same sum,
 * bit for bit, with one, two and three threads; the sum equals Σ g·x in double to float rounding.
 * Short lengths equal the plain loop: kept out of ElementwisePropertyTest's cases, which
 * SteadyStateAllocationTest calls through one call site (with this kernel among them, MAX's
 * compiled reduction stayed boxed, 864 bytes a call, in two runs of about a dozen).
 */
class ScaleAndDotSplitTest {
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  /** Short lengths (0, 1, around the vector length, past a block) at offsets, against plain. */
  @Property(tries = 300)
  void equalsThePlainReference(
      @ForAll @IntRange(min = 0, max = 9000) int n,
      @ForAll @IntRange(min = 0, max = 4) int offset,
      @ForAll long seed) {
    Random random = new Random(seed);
    float[] g = new float[offset + n];
    float[] x = new float[offset + n];
    double magnitude = 0;
    for (int i = offset; i < offset + n; i++) {
      g[i] = (float) random.nextGaussian();
      x[i] = (float) random.nextGaussian();
      magnitude += Math.abs((double) g[i] * x[i]);
    }
    float[] expected = new float[offset + n];
    float[] actual = new float[offset + n];
    float plain = Kernels.plain().scaleAndDot(-1.75f, g, offset, x, offset, expected, offset, n);
    float active = Kernels.get().scaleAndDot(-1.75f, g, offset, x, offset, actual, offset, n);
    assertArrayEquals(expected, actual, "n=" + n);
    assertEquals(plain, active, 1e-6 * magnitude + 1e-7, "n=" + n);
  }

  @ParameterizedTest
  @ValueSource(ints = {32_768, 100_003, 131_072, 409_601})
  void sameBitsForAnyThreadCount(int n) {
    Random random = new Random(n);
    float[] g = new float[n + 3];
    float[] x = new float[n + 5];
    for (int i = 0; i < g.length; i++) {
      g[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    double exact = 0;
    double magnitude = 0;
    for (int i = 0; i < n; i++) {
      exact += (double) g[3 + i] * x[5 + i];
      magnitude += Math.abs((double) g[3 + i] * x[5 + i]);
    }
    float[] oneOut = new float[n + 1];
    KernelThreads.setCount(1);
    float oneSum = Kernels.get().scaleAndDot(0.3f, g, 3, x, 5, oneOut, 1, n);
    assertEquals(exact, oneSum, 1e-6 * magnitude, "sum, n=" + n);
    for (int i = 0; i < n; i += 101) {
      assertEquals(0.3f * g[3 + i], oneOut[1 + i], "scaled at " + i);
    }
    for (int threads = 2; threads <= 3; threads++) {
      KernelThreads.setCount(threads);
      float[] out = new float[n + 1];
      float sum = Kernels.get().scaleAndDot(0.3f, g, 3, x, 5, out, 1, n);
      assertArrayEquals(oneOut, out, threads + " threads, n=" + n);
      assertEquals(
          Float.floatToRawIntBits(oneSum),
          Float.floatToRawIntBits(sum),
          threads + " threads, n=" + n);
    }
  }
}
