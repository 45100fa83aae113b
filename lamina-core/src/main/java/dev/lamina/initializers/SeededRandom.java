package dev.lamina.initializers;

/**
 * A small deterministic random source (SplitMix64) whose output is the same on every JVM and JDK
 * version: a seed gives bit-identical streams. Gaussian samples use StrictMath so they do not
 * depend on platform intrinsics.
 */
public final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private long state;

  public SeededRandom(long seed) {
    this.state = seed;
  }

  /** An independent stream derived from this one, for one layer or one purpose. */
  public SeededRandom split() {
    return new SeededRandom(nextLong());
  }

  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
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
