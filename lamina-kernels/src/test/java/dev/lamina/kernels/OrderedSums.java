package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/**
 * Inputs and a check for kernels that must keep their definition's order of adds: values whose sums
 * round otherwise in another order, and bits compared exactly.
 */
final class OrderedSums {
  /** Values that make every product's rounding and order show: wide magnitudes and specials. */
  private static final float[] SPECIALS = {
    0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 1e30f
  };

  private OrderedSums() {}

  /** Magnitudes from 1e-3 to 1e3 of either sign, and one value in eight special if asked. */
  static float[] floats(int length, boolean specials, Random random) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] =
          specials && random.nextInt(8) == 0
              ? SPECIALS[random.nextInt(SPECIALS.length)]
              : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
    }
    return x;
  }

  /** Same bits, NaNs compared as NaN (which operand's payload survives is the CPU's choice). */
  static void assertSameBits(float[] expected, float[] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), what + "[" + i + "]");
    }
  }
}
