package dev.lamina.kernels;

import dev.lamina.kernels.internal.SplitMix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bernoulli masks on the Vector API. SplitMix64 is counter-based (word w depends only on the start
 * state and w), so each lane computes its own word; a vector of words read as ints holds the low
 * and high halves in draw order and has as many lanes as the preferred float vector. It stays on
 * the preferred float species, as every other kernel does: a first version that wrote 8 floats per
 * vector of 8 words (a second, half-width float shape) left the GEMM allocating in
 * SteadyStateAllocationTest.
 */
final class VectorMasks {
  private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int UNIFORM_BITS = 31;
  private static final int ONE_BITS = Float.floatToRawIntBits(1f);

  /** Lane j's distance from a vector's start state to its word: (j + 1) steps of the sequence. */
  private static final LongVector WORD_STEPS =
      LongVector.zero(L).addIndex(1).add(1).mul(SplitMix.GAMMA);

  private VectorMasks() {}

  static void bernoulliMask(long state, double probability, float[] mask, int offset, int n) {
    int done =
        LongLaneMultiply.COMPILED && LaneBits.COMPILED
            ? maskWholeVectors(state, probability, mask, offset, n)
            : 0;
    PlainKernels.INSTANCE.bernoulliMask(
        stateBefore(state, done), probability, mask, offset + done, n - done);
  }

  /** The sequence's state before the word that holds value {@code index} (two values a word). */
  private static long stateBefore(long state, int index) {
    return state + (long) (index / 2) * SplitMix.GAMMA;
  }

  /** Writes the mask's whole vectors and returns how many values they hold. */
  private static int maskWholeVectors(
      long state, double probability, float[] mask, int offset, int n) {
    // u·2⁻³¹ < p  ⇔  u < ⌈p·2³¹⌉ for an integer u; p = 1 gives 2³¹, which wraps to MIN_VALUE and
    // still keeps every unit below; a NaN probability casts to 0 and keeps none, as the compare
    int threshold = (int) (long) Math.ceil(Math.min(Math.max(probability, 0), 1) * 0x1.0p31);
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      // each vector's words from its first word's state, not from the previous vector's: a
      // loop-carried vector's class reaches C2 only through a Vector API helper's receiver
      // profile, which a long compile queue can leave empty, and then the kernel boxes (96 bytes a
      // call, seen in CI at 128 bits and again with those profiles off: lamina-kernels' pom)
      LongVector z = WORD_STEPS.add(stateBefore(state, i));
      z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix.MIX1);
      z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix.MIX2);
      z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
      // both sides are below 2³¹, so the difference is negative exactly when the unit is kept;
      // its sign spread over the lane selects the bits of 1f (no int-to-float conversion, which
      // an x86 without AVX cannot compile: LaneCompares)
      z.reinterpretAsInts()
          .lanewise(VectorOperators.LSHR, 32 - UNIFORM_BITS)
          .sub(threshold)
          .lanewise(VectorOperators.ASHR, 31)
          .lanewise(VectorOperators.AND, ONE_BITS)
          .reinterpretAsFloats()
          .intoArray(mask, offset + i);
    }
    return i;
  }
}
