package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * VectorMath against java.lang.Math in float64: within a few float ulps over the whole range, the
 * IEEE special values, and the same bits on the first calls as after the JIT compiled the loops.
 */
class VectorMathTest {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private static float[] apply(UnaryOperator<FloatVector> f, float[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i += S.length()) {
      f.apply(FloatVector.fromArray(S, x, i)).intoArray(out, i);
    }
    return out;
  }

  /** n values spread over [low, high), padded to whole vectors. */
  private static float[] range(double low, double high, int n) {
    int padded = (n + S.length() - 1) / S.length() * S.length();
    float[] x = new float[padded];
    for (int i = 0; i < padded; i++) {
      x[i] = (float) (low + (high - low) * i / padded);
    }
    return x;
  }

  private static void assertUlps(
      String name, UnaryOperator<FloatVector> f, DoubleUnaryOperator exact, float[] x, int ulps) {
    float[] got = apply(f, x);
    for (int i = 0; i < x.length; i++) {
      double want = exact.applyAsDouble(x[i]);
      double error = Math.abs(got[i] - want);
      double allowed = ulps * Math.ulp((float) want);
      assertTrue(
          error <= allowed,
          name + "(" + x[i] + ") = " + got[i] + ", want " + want + " (error " + error + ")");
    }
  }

  @Test
  void expIsWithinTwoUlpsOverTheWholeRange() {
    assertUlps("exp", VectorMath::exp, Math::exp, range(-110, 90, 100_000), 2);
  }

  @Test
  void expm1IsWithinTwoUlpsAlsoNearZero() {
    assertUlps("expm1", VectorMath::expm1, Math::expm1, range(-20, 5, 100_000), 2);
    assertUlps("expm1", VectorMath::expm1, Math::expm1, range(-1e-3, 1e-3, 10_000), 2);
  }

  @Test
  void tanhIsWithinTwoUlpsAlsoNearZero() {
    assertUlps("tanh", VectorMath::tanh, Math::tanh, range(-12, 12, 100_000), 2);
    assertUlps("tanh", VectorMath::tanh, Math::tanh, range(-1e-3, 1e-3, 10_000), 2);
  }

  @Test
  void tanhIsExactlyOneWhereFloatRoundsItToOne() {
    // past about 9.01, 1 − tanh(x) is below half an ulp of 1: the clamp must not show there
    for (float[] x : new float[][] {range(9.02, 1000, 10_000), range(-1000, -9.02, 10_000)}) {
      float[] got = apply(VectorMath::tanh, x);
      for (int i = 0; i < x.length; i++) {
        assertEquals((float) Math.tanh(x[i]), got[i], "tanh(" + x[i] + ")");
      }
    }
  }

  @SuppressWarnings("FloatingPointLiteralPrecision") // exp's underflow bound as Cephes writes it
  @Test
  void specialValuesAsMath() {
    float[] x = new float[S.length()];
    float[] cases = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      0f,
      -0f,
      89f,
      -88f,
      -95f,
      -103.5f,
      -200f,
      88.72f,
      200f,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      1e-30f
    };
    for (int start = 0; start < cases.length; start += x.length) {
      int n = Math.min(x.length, cases.length - start);
      System.arraycopy(cases, start, x, 0, n);
      float[] exp = apply(VectorMath::exp, x);
      float[] tanh = apply(VectorMath::tanh, x);
      float[] expm1 = apply(VectorMath::expm1, x);
      for (int i = 0; i < n; i++) {
        float v = x[i];
        assertClose((float) Math.exp(v), exp[i], "exp(" + v + ")");
        assertClose((float) Math.tanh(v), tanh[i], "tanh(" + v + ")");
        assertClose((float) Math.expm1(v), expm1[i], "expm1(" + v + ")");
      }
    }
  }

  /** NaN and the infinities exactly, other values to two ulps. */
  private static void assertClose(float want, float got, String what) {
    if (Float.isNaN(want) || Float.isInfinite(want)) {
      assertEquals(want, got, what);
    } else {
      assertEquals(want, got, 2 * Math.ulp(want), what);
    }
  }

  /** A model's first predictions must equal its later ones: every call gives the same bits. */
  @Test
  @SuppressWarnings("EnumOrdinal") // one result per function, indexed by its ordinal
  void sameBitsBeforeAndAfterTheLoopsAreCompiled() {
    float[] x = new float[4 * S.length()];
    Random random = new Random(7);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() * 4);
    }
    float[][] first = new float[Pointwise.values().length][];
    for (Pointwise f : Pointwise.values()) {
      first[f.ordinal()] = new float[x.length];
      Kernels.get().pointwise(f, x, first[f.ordinal()], x.length);
    }
    float[] out = new float[x.length];
    for (int call = 0; call < 20_000; call++) {
      for (Pointwise f : Pointwise.values()) {
        Kernels.get().pointwise(f, x, out, x.length);
        if (call % 5_000 == 4_999) {
          assertArrayEquals(first[f.ordinal()], out, f + " after " + call + " calls");
        }
      }
    }
  }
}
