package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An activation over an array large enough to be split over the kernel threads gives the same bits
 * with one thread and with three (parts that do not end on a vector boundary, a partial last
 * vector), and equals the plain loop to a few float roundings.
 */
class PointwiseSplitTest {
  private static final int N = 100_003;
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @ParameterizedTest
  @EnumSource(Pointwise.class)
  void sameBitsForAnyThreadCount(Pointwise f) {
    Random random = new Random(f.name().hashCode());
    float[] x = new float[N];
    float[] g = new float[N];
    for (int i = 0; i < N; i++) {
      x[i] = (float) (random.nextGaussian() * 3);
      g[i] = (float) random.nextGaussian();
    }
    float[][] one = run(f, x, g, 1);
    float[][] three = run(f, x, g, 3);
    assertArrayEquals(one[0], three[0], f + " forward");
    assertArrayEquals(one[1], three[1], f + " backward");
    float[] plainY = new float[N];
    float[] plainGrad = new float[N];
    Kernels.plain().pointwise(f, x, plainY, N);
    Kernels.plain().pointwiseBackward(f, x, plainY, g, plainGrad, N);
    for (int i = 0; i < N; i += 997) {
      assertEquals(plainY[i], three[0][i], 2e-6 * Math.abs(plainY[i]) + 1e-6, f + " at " + i);
      assertEquals(
          plainGrad[i], three[1][i], 2e-6 * Math.abs(plainGrad[i]) + 1e-6, f + " grad at " + i);
    }
  }

  private static float[][] run(Pointwise f, float[] x, float[] g, int threads) {
    KernelThreads.setCount(threads);
    float[] y = new float[N];
    float[] grad = new float[N];
    Kernels.get().pointwise(f, x, y, N);
    Kernels.get().pointwiseBackward(f, x, y, g, grad, N);
    return new float[][] {y, grad};
  }
}
