package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import jdk.incubator.vector.FloatVector;

/**
 * A kernel over n elements split over the kernel threads in ranges of whole vectors. Subclasses
 * hold the kernel's arguments in fields and are reused by their calling thread, so that splitting
 * allocates nothing.
 */
abstract class VectorRangeSplit implements KernelThreads.PartedTask {
  /**
   * Below this many elements of a one-pass kernel (an activation, a bias row) one thread runs it:
   * handing parts over costs a few microseconds, about what a 16K-element relu takes.
   */
  static final int PARALLEL_MIN = 1 << 15;

  private int n;

  /** Runs {@link #runRange} over [0, n) in {@code parts} parts, then {@link #release}. */
  final void run(int n, int parts) {
    this.n = n;
    try {
      KernelThreads.runParts(this, parts);
    } finally {
      release();
    }
  }

  @Override
  public final void runPart(int part, int parts) {
    runRange(start(part, parts), start(part + 1, parts));
  }

  private int start(int part, int parts) {
    if (part == parts) {
      return n;
    }
    int lanes = FloatVector.SPECIES_PREFERRED.length();
    return (int) ((long) n * part / parts) / lanes * lanes;
  }

  /** The kernel over elements [from, to). */
  abstract void runRange(int from, int to);

  /** Drops the caller's arrays: an idle thread must not keep them alive. */
  abstract void release();
}
