package dev.lamina.kernels.internal;

/**
 * The SplitMix64 generator's step and output function (Steele, Lea and Flood 2014), shared by the
 * mask kernels and the seeded random streams built on them, so both read the same words.
 */
public final class SplitMix {
  /** The step of the Weyl sequence: the state moves by this much per word. */
  public static final long GAMMA = 0x9E3779B97F4A7C15L;

  public static final long MIX1 = 0xBF58476D1CE4E5B9L;
  public static final long MIX2 = 0x94D049BB133111EBL;

  private SplitMix() {}

  /** The output word for one state of the Weyl sequence. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * MIX1;
    z = (z ^ (z >>> 27)) * MIX2;
    return z ^ (z >>> 31);
  }
}
