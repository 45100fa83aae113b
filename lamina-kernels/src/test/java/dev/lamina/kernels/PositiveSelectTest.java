package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The branch-free choice gives the branch's bits, {@code v > 0 ? a : b}, for every kind of value:
 * both zeros, subnormals, infinities and NaNs of either sign with their payloads; and the plain
 * loops that use it give their definitions' bits.
 */
class PositiveSelectTest {
  @Provide
  Arbitrary<Integer> floatBits() {
    // the edges of "above zero" in bits, then any pattern at all
    return Arbitraries.oneOf(
        Arbitraries.of(
            0,
            1,
            0x007fffff,
            0x3f800000,
            0x7f7fffff,
            0x7f800000,
            0x7f800001,
            0x7fc00000,
            0x7fffffff,
            0x80000000,
            0x80000001,
            0xff800000,
            0xffc00001,
            0xffffffff),
        Arbitraries.integers());
  }

  @Provide
  Arbitrary<Long> doubleBits() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            0L,
            1L,
            0x3ff0000000000000L,
            0x7fefffffffffffffL,
            0x7ff0000000000000L,
            0x7ff0000000000001L,
            0x7ff8000000000000L,
            0x7fffffffffffffffL,
            0x8000000000000000L,
            0x8000000000000001L,
            0xfff0000000000000L,
            0xfff8000000000001L,
            0xffffffffffffffffL),
        Arbitraries.longs());
  }

  @Property(tries = 3000)
  void floatChoiceIsTheBranchs(
      @ForAll("floatBits") int v, @ForAll("floatBits") int a, @ForAll("floatBits") int b) {
    float value = Float.intBitsToFloat(v);
    float expected = value > 0 ? Float.intBitsToFloat(a) : Float.intBitsToFloat(b);
    float actual = PositiveSelect.select(value, Float.intBitsToFloat(a), Float.intBitsToFloat(b));
    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual));
  }

  @Property(tries = 3000)
  void doubleChoiceIsTheBranchs(
      @ForAll("doubleBits") long v, @ForAll("doubleBits") long a, @ForAll("doubleBits") long b) {
    double value = Double.longBitsToDouble(v);
    double expected = value > 0 ? Double.longBitsToDouble(a) : Double.longBitsToDouble(b);
    double actual =
        PositiveSelect.select(value, Double.longBitsToDouble(a), Double.longBitsToDouble(b));
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
  }

  @Property(tries = 200)
  void plainLoopsGiveTheirDefinitionsBits(
      @ForAll("floatBits") int x0,
      @ForAll("floatBits") int x1,
      @ForAll("floatBits") int x2,
      @ForAll("floatBits") int g0,
      @ForAll("floatBits") int g1,
      @ForAll("floatBits") int g2) {
    float[] y = {Float.intBitsToFloat(x0), Float.intBitsToFloat(x1), Float.intBitsToFloat(x2)};
    float[] g = {Float.intBitsToFloat(g0), Float.intBitsToFloat(g1), Float.intBitsToFloat(g2)};
    float slope = (float) Pointwise.LEAKY_SLOPE;
    float[] leaky = new float[3];
    float[] relu = new float[3];
    float[] leakyGradient = new float[3];
    float[] eluGradient = new float[3];
    Kernels.plain().pointwise(Pointwise.LEAKY_RELU, y, leaky, 3);
    Kernels.plain().pointwiseBackward(Pointwise.RELU, null, y, g, relu, 3);
    Kernels.plain().pointwiseBackward(Pointwise.LEAKY_RELU, null, y, g, leakyGradient, 3);
    Kernels.plain().pointwiseBackward(Pointwise.ELU, null, y, g, eluGradient, 3);
    for (int i = 0; i < 3; i++) {
      assertSameBits(y[i] > 0 ? y[i] : y[i] * slope, leaky[i], "leaky_relu");
      assertSameBits(y[i] > 0 ? g[i] : 0f, relu[i], "relu'");
      assertSameBits(y[i] > 0 ? g[i] : g[i] * slope, leakyGradient[i], "leaky_relu'");
      assertSameBits(y[i] > 0 ? g[i] : g[i] * (y[i] + 1), eluGradient[i], "elu'");
    }
    double[] yd = {y[0], y[1], y[2]};
    double[] gd = {g[0], g[1], g[2]};
    double[] outd = new double[3];
    Pointwise.RELU.backward(null, yd, gd, outd, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(
          Double.doubleToRawLongBits(yd[i] > 0 ? gd[i] : 0.0),
          Double.doubleToRawLongBits(outd[i]),
          "float64 relu'");
    }
  }

  private static void assertSameBits(float expected, float actual, String what) {
    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), what);
  }
}
