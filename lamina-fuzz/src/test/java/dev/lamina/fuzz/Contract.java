package dev.lamina.fuzz;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What every fuzz target checks of one input: the code under test returns, or throws one of
 * Lamina's typed exceptions for bad input; any other exception escapes and is a finding, and so is
 * allocating more than {@link #MAX_ALLOCATED_BYTES} on the calling thread for one input (inputs are
 * at most a few kilobytes, so only a declared size taken on trust gets there). An input over the
 * bound is run once more and counts only if it is over again, so that the one-time cost of loading
 * and initializing classes on first use is not taken for its own.
 */
public final class Contract {
  /** The most one input may make the reader allocate. */
  public static final long MAX_ALLOCATED_BYTES = 64L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Contract() {}

  /** Runs {@code body}, letting only the {@code typed} exceptions pass as expected outcomes. */
  public static void check(Runnable body, List<Class<? extends RuntimeException>> typed) {
    if (allocatedBy(body, typed) > MAX_ALLOCATED_BYTES) {
      long allocated = allocatedBy(body, typed);
      if (allocated <= MAX_ALLOCATED_BYTES) {
        return;
      }
      throw new AssertionError(
          "one input allocated "
              + allocated
              + " bytes, more than the bound "
              + MAX_ALLOCATED_BYTES);
    }
  }

  /** The bytes {@code body} allocates on this thread, rethrowing an untyped exception. */
  private static long allocatedBy(Runnable body, List<Class<? extends RuntimeException>> typed) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      body.run();
    } catch (RuntimeException e) {
      if (typed.stream().noneMatch(type -> type.isInstance(e))) {
        throw e;
      }
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
