package dev.lamina.random;

import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.internal.SplitMix;

/**
 * A small deterministic random source (SplitMix64) whose output is the same on every JVM and JDK
 * version: a seed gives bit-identical streams. Gaussian samples use StrictMath so they do not
 * depend on platform intrinsics.
 */
public final class SeededRandom {
  private long state;

  public SeededRandom(long seed) {
    this.state = seed;
  }

  /**
   * A well-mixed word for {@code key} (SplitMix64's output function), to derive a seed from keys.
   */
  public static long mix(long key) {
    return SplitMix.mix(key);
  }

  /**
   * The word at {@code index} (from 0) of the stream seeded with {@code seed}, without walking it.
   */
  public static long wordAt(long seed, long index) {
    return SplitMix.mix(seed + (index + 1) * SplitMix.GAMMA);
  }

  /** Where this stream stands: {@link #seek} to it continues the stream from here. */
  public long position() {
    return state;
  }

  /** Continues from a {@link #position()} taken earlier (a training checkpoint's). */
  public void seek(long position) {
    state = position;
  }

  /** An independent stream derived from this one, for one layer or one purpose. */
  public SeededRandom split() {
    return new SeededRandom(nextLong());
  }

  public long nextLong() {
    return SplitMix.mix(state += SplitMix.GAMMA);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Fills {@code mask[0 .. n)} with 1 where a uniform draw is below {@code probability} and 0
   * elsewhere, two draws per word of this stream (the mask kernel's definition), and moves the
   * stream past the words it used.
   */
  public void fillBernoulli(double probability, float[] mask, int n) {
    Kernels.get().bernoulliMask(takeMaskStream(n), probability, mask, 0, n);
  }

  /**
   * The state a mask of {@code n} values starts from, moving this stream past the words it uses:
   * for an operation that draws the mask itself with the kernels' Bernoulli mask.
   */
  public long takeMaskStream(int n) {
    long start = state;
    state += Kernels.maskWords(n) * SplitMix.GAMMA;
    return start;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("nextInt: bound must be positive, got " + bound);
    }
    return (int) ((nextLong() >>> 33) % bound);
  }

  /** Standard normal by the Box–Muller transform. */
  public double nextGaussian() {
    double u1 = nextDouble();
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log1p(-u1)) * StrictMath.cos(2.0 * Math.PI * u2);
  }
}
