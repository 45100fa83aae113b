package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Bernoulli mask kernel draws from the words of the JDK's SplittableRandom (the same SplitMix64
 * stream, an independent implementation): low half, then high half, each as a 31-bit uniform, in
 * the plain and in the active kernels, for any length, offset and probability, ties included.
 */
class BernoulliMaskPropertyTest {

  @Provide
  Arbitrary<Double> probability() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            0.0,
            1.0,
            0.5,
            0.7,
            0.3,
            -0.1,
            1.5,
            Double.NaN,
            Math.nextDown(1.0),
            Double.MIN_VALUE,
            0x1.0p-31,
            Math.nextUp(0x1.0p-31),
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            1e300),
        Arbitraries.doubles().between(0, 1));
  }

  @Property(tries = 500)
  void equalsSplittableRandom(
      @ForAll long state,
      @ForAll("probability") double probability,
      @ForAll @IntRange(max = 300) int n,
      @ForAll @IntRange(max = 9) int offset) {
    float[] expected = new float[offset + n + 2];
    Arrays.fill(expected, -1f);
    double[] draws = draws(state, n);
    for (int i = 0; i < n; i++) {
      expected[offset + i] = draws[i] < probability ? 1f : 0f;
    }
    for (Kernels kernels : new Kernels[] {Kernels.plain(), Kernels.get()}) {
      float[] actual = new float[expected.length];
      Arrays.fill(actual, -1f);
      kernels.bernoulliMask(state, probability, actual, offset, n);
      assertArrayEquals(expected, actual, kernels.name() + " p=" + probability + " n=" + n);
    }
  }

  @Test
  void aProbabilityEqualToADrawDropsThatUnitOnly() {
    long state = 42;
    double[] draws = draws(state, 64);
    double tie = draws[17];
    for (Kernels kernels : new Kernels[] {Kernels.plain(), Kernels.get()}) {
      float[] mask = new float[64];
      kernels.bernoulliMask(state, tie, mask, 0, 64);
      assertEquals(0f, mask[17], kernels.name());
      kernels.bernoulliMask(state, Math.nextUp(tie), mask, 0, 64);
      assertEquals(1f, mask[17], kernels.name());
    }
  }

  @Test
  void usesOneWordPerTwoDraws() {
    float[] whole = new float[41];
    Kernels.get().bernoulliMask(3, 0.5, whole, 0, 41);
    // 20 draws use 10 words, so a mask started 10 words on is the rest of the whole one
    float[] rest = new float[21];
    long laterState = 3 + Kernels.maskWords(20) * 0x9E3779B97F4A7C15L;
    Kernels.get().bernoulliMask(laterState, 0.5, rest, 0, 21);
    assertArrayEquals(Arrays.copyOfRange(whole, 20, 41), rest);
    assertEquals(11, Kernels.maskWords(21));
  }

  /** Draw i of the mask: half i % 2 of SplittableRandom's word i / 2, as a 31-bit uniform. */
  private static double[] draws(long state, int n) {
    SplittableRandom words = new SplittableRandom(state);
    double[] draws = new double[n];
    for (int i = 0; i < n; i += 2) {
      long word = words.nextLong();
      draws[i] = ((int) word >>> 1) / 2147483648.0;
      if (i + 1 < n) {
        draws[i + 1] = ((int) (word >>> 32) >>> 1) / 2147483648.0;
      }
    }
    return draws;
  }

  @Test
  void keepsAboutTheProbabilityOfUnits() {
    float[] mask = new float[100_000];
    Kernels.get().bernoulliMask(7, 0.7, mask, 0, mask.length);
    double kept = 0;
    for (float m : mask) {
      kept += m;
    }
    // binomial standard deviation √(n·p·(1−p)) ≈ 145: five of them
    assertEquals(70_000, kept, 725);
  }
}
