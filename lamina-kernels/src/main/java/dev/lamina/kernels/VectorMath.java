package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, expm1 and tanh in float lanes from additions, multiplications and bit operations only. The
 * Vector API's own EXP and TANH give different bits before and after the JIT compiles a loop
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

  /**
   * Past these e^x overflows to ∞ or rounds to 0, and clamping x there keeps n in [−150, 129],
   * where both factors of 2ⁿ below are normal floats.
   */
  private static final float CLAMP_HIGH = 89f;

  private static final float CLAMP_LOW = -104f;
  private static final float TANH_SERIES_BELOW = 0.625f;

  /** Past this |x|, 2/(e^{2|x|} + 1) is below half an ulp of 1, so tanh is ±1 in float. */
  private static final float TANH_SATURATED = 10f;

  private static final float EXPM1_SERIES_BELOW = 0.5f;

  // Polynomials' coefficients from the highest power down, evaluated by Horner's scheme: a loop of
  // constant length, which C2 unrolls, rather than a helper, which past its node budget it would
  // not inline (see below)

  /** e^r ≈ 1 + r + r²·p(r) on |r| ≤ ln 2 / 2. */
  private static final float[] EXP_POLYNOMIAL = {
    1.9875691500e-4f,
    1.3981999507e-3f,
    8.3334519073e-3f,
    4.1665795894e-2f,
    1.6666665459e-1f,
    5.0000001201e-1f
  };

  /** e^x − 1 ≈ x + x²·s(x): the Taylor series from x⁸/8! to x²/2!. */
  private static final float[] EXPM1_SERIES = {
    1f / 40320, 1f / 5040, 1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f
  };

  /** tanh x ≈ x + x·z·p(z), z = x², below {@link #TANH_SERIES_BELOW}. */
  private static final float[] TANH_POLYNOMIAL = {
    -5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f, 1.33314422036e-1f, -3.33332819422e-1f
  };

  private VectorMath() {}

  // Each function calls its exp first and no helper of ours after it: past C2's node budget
  // (NodeCountInliningCutoff) the JIT still inlines the Vector API's methods but no longer ours,
  // and a call left in place boxes its vectors (several times slower, megabytes per call).

  static FloatVector exp(FloatVector x) {
    FloatVector clamped = x.max(CLAMP_LOW).min(CLAMP_HIGH);
    FloatVector shifted =
        MultiplyAdd.FUSED ? clamped.fma(LOG2E, ROUNDER) : clamped.mul(LOG2E).add(ROUNDER);
    IntVector exponent = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
    FloatVector er = reducedExp(clamped, shifted);
    // 2ⁿ in two factors: the first product is exact, the second rounds once, to ∞ at the top and
    // gradually to 0 at the bottom as Math.exp; a NaN stays NaN through every step
    IntVector half = exponent.lanewise(VectorOperators.ASHR, 1);
    FloatVector scale1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    FloatVector scale2 =
        exponent.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return er.mul(scale1).mul(scale2);
  }

  /**
   * e^x for 0 ≤ x ≤ 2·{@link #TANH_SATURATED}, the same bits as {@link #exp}: there 2ⁿ is one
   * normal float, so one exact product scales it, and no clamp is needed.
   */
  private static FloatVector expOfTanhRange(FloatVector x) {
    FloatVector shifted = MultiplyAdd.FUSED ? x.fma(LOG2E, ROUNDER) : x.mul(LOG2E).add(ROUNDER);
    IntVector exponent = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
    FloatVector scale = exponent.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return reducedExp(x, shifted).mul(scale);
  }

  /**
   * e^r for r = x − n·ln 2, where {@code shifted} = x·log₂e + 1.5·2²³ holds n = round(x·log₂e):
   * Cephes's polynomial, good to about one ulp on |r| ≤ ln 2 / 2.
   */
  private static FloatVector reducedExp(FloatVector x, FloatVector shifted) {
    FloatVector n = shifted.sub(ROUNDER);
    FloatVector r =
        MultiplyAdd.FUSED ? n.fma(FloatVector.broadcast(S, -LN2_HIGH), x) : n.mul(-LN2_HIGH).add(x);
    r = MultiplyAdd.FUSED ? n.fma(FloatVector.broadcast(S, -LN2_LOW), r) : n.mul(-LN2_LOW).add(r);
    FloatVector p = FloatVector.broadcast(S, EXP_POLYNOMIAL[0]);
    for (int k = 1; k < EXP_POLYNOMIAL.length; k++) {
      float next = EXP_POLYNOMIAL[k];
      p = MultiplyAdd.FUSED ? p.fma(r, FloatVector.broadcast(S, next)) : p.mul(r).add(next);
    }
    FloatVector pr = p.mul(r);
    return (MultiplyAdd.FUSED ? pr.fma(r, r) : pr.mul(r).add(r)).add(1f);
  }

  /** e^x − 1, by its series near 0 where the difference would cancel. */
  static FloatVector expm1(FloatVector x) {
    FloatVector direct = exp(x).sub(1f);
    FloatVector series = FloatVector.broadcast(S, EXPM1_SERIES[0]);
    for (int k = 1; k < EXPM1_SERIES.length; k++) {
      float next = EXPM1_SERIES[k];
      // x as the receiver, the loop's series as an argument (VectorKernels.max says why)
      series =
          MultiplyAdd.FUSED
              ? x.fma(series, FloatVector.broadcast(S, next))
              : x.mul(series).add(next);
    }
    series = x.mul(series);
    series = MultiplyAdd.FUSED ? series.fma(x, x) : series.mul(x).add(x);
    return direct.blend(series, x.abs().compare(VectorOperators.LT, EXPM1_SERIES_BELOW));
  }

  /**
   * tanh: an odd polynomial below 0.625, else 1 − 2/(e^{2|x|} + 1) with x's sign, |x| clamped where
   * the result is ±1 already (the same bits as without the clamp; 67 → 51 µs per 131,072 values on
   * one Zen 5 core, W1-scaledtanh's three tanh layers).
   */
  static FloatVector tanh(FloatVector x) {
    FloatVector a = x.abs();
    FloatVector clamped = a.min(TANH_SATURATED);
    FloatVector doubledExp = expOfTanhRange(clamped.add(clamped));
    FloatVector z = x.mul(x);
    FloatVector p = FloatVector.broadcast(S, TANH_POLYNOMIAL[0]);
    for (int k = 1; k < TANH_POLYNOMIAL.length; k++) {
      float next = TANH_POLYNOMIAL[k];
      p = MultiplyAdd.FUSED ? p.fma(z, FloatVector.broadcast(S, next)) : p.mul(z).add(next);
    }
    FloatVector pz = p.mul(z);
    FloatVector series = MultiplyAdd.FUSED ? pz.fma(x, x) : pz.mul(x).add(x);
    FloatVector magnitude =
        FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(doubledExp.add(1f)));
    FloatVector large = magnitude.blend(magnitude.neg(), x.compare(VectorOperators.LT, 0f));
    return large.blend(series, a.compare(VectorOperators.LT, TANH_SERIES_BELOW));
  }
}
