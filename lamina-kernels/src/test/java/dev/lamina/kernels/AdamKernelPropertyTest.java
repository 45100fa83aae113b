package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Adam kernel: the active implementation gives bit-for-bit the plain reference's weights and
 * slots (it rounds in the same order), on random lengths and offsets and on an update long enough
 * to be split over threads; and the reference follows Keras's update, checked in float64 by hand.
 */
class AdamKernelPropertyTest {

  @Property(tries = 200)
  void activeEqualsPlain(
      @ForAll @IntRange(max = 300) int n,
      @ForAll @IntRange(max = 20) int offset,
      @ForAll @IntRange(min = 1, max = 1000) int seed) {
    Random random = new Random(seed);
    float[][] expected = arrays(random, offset + n + 3);
    float[][] actual = copies(expected);
    for (int step = 1; step <= 3; step++) {
      float alpha = 1e-3f * step;
      Kernels.plain()
          .adam(
              expected[0],
              expected[1],
              expected[2],
              expected[3],
              offset,
              n,
              alpha,
              0.1f,
              0.001f,
              1e-7f);
      Kernels.get()
          .adam(actual[0], actual[1], actual[2], actual[3], offset, n, alpha, 0.1f, 0.001f, 1e-7f);
    }
    for (int a = 0; a < 4; a++) {
      assertArrayEquals(expected[a], actual[a], "array " + a + " n=" + n + " offset=" + offset);
    }
  }

  @Test
  void aLongUpdateSplitOverThreadsEqualsPlain() {
    int n = 300_007;
    float[][] expected = arrays(new Random(5), n + 1);
    float[][] actual = copies(expected);
    Kernels.plain()
        .adam(expected[0], expected[1], expected[2], expected[3], 1, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
    Kernels.get()
        .adam(actual[0], actual[1], actual[2], actual[3], 1, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
    for (int a = 0; a < 4; a++) {
      assertArrayEquals(expected[a], actual[a], "array " + a);
    }
  }

  @Test
  void referenceFollowsKerasUpdate() {
    float[] w = {0.5f, -1f};
    float[] g = {0.2f, -3f};
    float[] m = {0.1f, 0f};
    float[] v = {0.04f, 0f};
    Kernels.plain().adam(w, g, m, v, 0, 2, 0.01f, 0.1f, 0.001f, 1e-7f);
    double m0 = 0.1 + (0.2 - 0.1) * 0.1;
    double v0 = 0.04 + (0.04 - 0.04) * 0.001;
    assertEquals(m0, m[0], 1e-7);
    assertEquals(v0, v[0], 1e-7);
    assertEquals(0.5 - m0 * 0.01 / (Math.sqrt(v0) + 1e-7), w[0], 1e-7);
    double m1 = -3 * 0.1;
    double v1 = 9 * 0.001;
    assertEquals(-1 - m1 * 0.01 / (Math.sqrt(v1) + 1e-7), w[1], 1e-6);
  }

  private static float[][] arrays(Random random, int length) {
    float[][] out = new float[4][length];
    for (int i = 0; i < length; i++) {
      out[0][i] = (float) random.nextGaussian();
      out[1][i] = (float) random.nextGaussian();
      out[2][i] = (float) random.nextGaussian() * 0.1f;
      out[3][i] = (float) Math.abs(random.nextGaussian()) * 0.01f;
    }
    return out;
  }

  private static float[][] copies(float[][] arrays) {
    float[][] out = new float[arrays.length][];
    for (int i = 0; i < arrays.length; i++) {
      out[i] = arrays[i].clone();
    }
    return out;
  }
}
