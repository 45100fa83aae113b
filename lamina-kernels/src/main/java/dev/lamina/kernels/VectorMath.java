package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, expm1 and tanh in float lanes from additions, multiplications and bit operations only.
 * The Vector API's own EXP and TANH give different bits before and after the JIT compiles a loop
 * (scalar Math calls, then the CPU library's), so a model would predict differently on its first
 * calls; these give the same bits on every path, to about two ulps of the true value (Cephes's
 * single-precision polynomials).
 */
// The polynomial and range-reduction constants keep every digit they were published with
// (Cephes), more than a float holds; the compiler rounds them as the reference does.
@SuppressWarnings("FloatingPointLiteralPrecision")
final class VectorMath {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final float LOG2E = 1.44269504088896341f;
  private static final float LN2_HIGH = 0.693359375f;
  private static final float LN2_LOW = -2.12194440e-4f;
  /** Adding and subtracting 1.5·2²³ rounds a float of magnitude below 2²² to an integer. */
  private static final float ROUNDER = 12582912f;
  /** Past these e^x is ∞, or below the smallest normal float (flushed to 0). */
  private static final float EXP_HIGH = 88.7228391f;
  private static final float EXP_LOW = -87.3365479f;
  private static final float TANH_SERIES_BELOW = 0.625f;
  private static final float EXPM1_SERIES_BELOW = 0.5f;

  private VectorMath() {}

  static FloatVector exp(FloatVector x) {
    FloatVector clamped = x.max(EXP_LOW).min(EXP_HIGH);
    FloatVector shifted = clamped.mul(LOG2E).add(ROUNDER);
    FloatVector n = shifted.sub(ROUNDER);
    IntVector exponent = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
    FloatVector r = n.mul(-LN2_HIGH).add(clamped);
    r = n.mul(-LN2_LOW).add(r);
    FloatVector p = r.mul(1.9875691500e-4f).add(1.3981999507e-3f);
    p = p.mul(r).add(8.3334519073e-3f);
    p = p.mul(r).add(4.1665795894e-2f);
    p = p.mul(r).add(1.6666665459e-1f);
    p = p.mul(r).add(5.0000001201e-1f);
    FloatVector er = p.mul(r).mul(r).add(r).add(1f);
    // 2ⁿ in two factors, each a normal float for every n in [−126, 128]
    IntVector half = exponent.lanewise(VectorOperators.ASHR, 1);
    FloatVector scale1 = powerOfTwo(half);
    FloatVector scale2 = powerOfTwo(exponent.sub(half));
    FloatVector value = er.mul(scale1).mul(scale2);
    value = value.blend(0f, x.compare(VectorOperators.LT, EXP_LOW));
    value = value.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_HIGH));
    return value.blend(x, x.compare(VectorOperators.NE, x));
  }

  /** e^x − 1, by its series near 0 where the difference would cancel. */
  static FloatVector expm1(FloatVector x) {
    FloatVector series = x.mul(1f / 40320).add(1f / 5040);
    series = series.mul(x).add(1f / 720);
    series = series.mul(x).add(1f / 120);
    series = series.mul(x).add(1f / 24);
    series = series.mul(x).add(1f / 6);
    series = series.mul(x).add(0.5f);
    series = series.mul(x).mul(x).add(x);
    FloatVector direct = exp(x).sub(1f);
    return direct.blend(series, x.abs().compare(VectorOperators.LT, EXPM1_SERIES_BELOW));
  }

  /** tanh: an odd polynomial below 0.625, else 1 − 2/(e^{2|x|} + 1) with x's sign. */
  static FloatVector tanh(FloatVector x) {
    FloatVector a = x.abs();
    FloatVector z = x.mul(x);
    FloatVector p = z.mul(-5.70498872745e-3f).add(2.06390887954e-2f);
    p = p.mul(z).add(-5.37397155531e-2f);
    p = p.mul(z).add(1.33314422036e-1f);
    p = p.mul(z).add(-3.33332819422e-1f);
    FloatVector series = p.mul(z).mul(x).add(x);
    FloatVector magnitude =
        FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(a.add(a)).add(1f)));
    FloatVector large = magnitude.blend(magnitude.neg(), x.compare(VectorOperators.LT, 0f));
    return large.blend(series, a.compare(VectorOperators.LT, TANH_SERIES_BELOW));
  }

  private static FloatVector powerOfTwo(IntVector n) {
    return n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
  }
}
