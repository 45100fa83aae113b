package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector relu, computed on the lanes' bits ({@link ReluLanes}), equals the plain loops bit for
 * bit, signed zeros, infinities, subnormals and NaNs of either sign included, in float32 and
 * float64, forward and backward. One freedom: a signaling NaN may come back quiet (its quiet bit
 * set, sign and payload kept), since ARM's fmax, which C2 compiles Math.max and the Vector API's
 * max to there, quiets it, while the interpreter and x86 pass it through (QEMU's a64fx, JDK 17).
 */
class ReluLanesTest {
  private static final float[] SPECIAL_FLOATS = {
    0f,
    -0f,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    Float.MIN_NORMAL,
    -Float.MAX_VALUE,
    Float.MAX_VALUE,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.NaN,
    Float.intBitsToFloat(0xffc00001),
    Float.intBitsToFloat(0x7f800001),
    Float.intBitsToFloat(0xff800001),
    1f,
    -1f
  };

  private static final double[] SPECIAL_DOUBLES = {
    0.0,
    -0.0,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    -Double.MAX_VALUE,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NaN,
    Double.longBitsToDouble(0xfff8000000000001L),
    Double.longBitsToDouble(0x7ff0000000000001L),
    Double.longBitsToDouble(0xfff0000000000001L),
    1.0,
    -1.0
  };

  @Test
  void float32EqualsThePlainLoopsBitForBit() {
    Random random = new Random(7);
    int n = 301;
    float[] x = new float[n];
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = SPECIAL_FLOATS[random.nextInt(SPECIAL_FLOATS.length)];
      g[i] = SPECIAL_FLOATS[random.nextInt(SPECIAL_FLOATS.length)];
    }
    float[] expected = new float[n];
    float[] actual = new float[n];
    Kernels.plain().pointwise(Pointwise.RELU, x, expected, n);
    Kernels.get().pointwise(Pointwise.RELU, x, actual, n);
    assertSameBits(expected, actual, "forward");
    // the gradient is read off the output y, which here takes every special value too
    Kernels.plain().pointwiseBackward(Pointwise.RELU, x, x, g, expected, n);
    Kernels.get().pointwiseBackward(Pointwise.RELU, x, x, g, actual, n);
    assertSameBits(expected, actual, "backward");
  }

  @Test
  void float64EqualsThePlainLoopsBitForBit() {
    Random random = new Random(8);
    int n = 301;
    double[] x = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)];
      g[i] = SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)];
    }
    double[] expected = new double[n];
    double[] actual = new double[n];
    Kernels.plain().pointwise(Pointwise.RELU, x, expected, n);
    Kernels.get().pointwise(Pointwise.RELU, x, actual, n);
    assertSameBits(expected, actual, "forward");
    Kernels.plain().pointwiseBackward(Pointwise.RELU, x, x, g, expected, n);
    Kernels.get().pointwiseBackward(Pointwise.RELU, x, x, g, actual, n);
    assertSameBits(expected, actual, "backward");
  }

  private static void assertSameBits(float[] expected, float[] actual, String pass) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Integer.toHexString(quieted(Float.floatToRawIntBits(expected[i]))),
          Integer.toHexString(quieted(Float.floatToRawIntBits(actual[i]))),
          pass + " at " + i);
    }
  }

  private static void assertSameBits(double[] expected, double[] actual, String pass) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Long.toHexString(quieted(Double.doubleToRawLongBits(expected[i]))),
          Long.toHexString(quieted(Double.doubleToRawLongBits(actual[i]))),
          pass + " at " + i);
    }
  }

  private static int quieted(int bits) {
    return Float.isNaN(Float.intBitsToFloat(bits)) ? bits | 0x0040_0000 : bits;
  }

  private static long quieted(long bits) {
    return Double.isNaN(Double.longBitsToDouble(bits)) ? bits | 0x0008_0000_0000_0000L : bits;
  }
}
