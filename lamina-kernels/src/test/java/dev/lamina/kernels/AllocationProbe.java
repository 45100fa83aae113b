package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;

/**
 * Steady-state allocation of a call on the calling thread. A Vector API value that the JIT fails to
 * keep in registers is boxed on the heap, which costs 5–10× in speed; allocation makes that visible
 * without timing. Each test class using this runs in a JVM of its own (lamina-kernels' pom), so the
 * call shapes of one class do not change how the JIT compiles another's.
 */
final class AllocationProbe {
  /**
   * How long a call may take to reach its final compilation. A count of calls was not enough: after
   * other tests the JIT's queue is long, and on a busy 2-core machine a kernel's final compilation
   * sometimes came only after 300,000 calls. The build's emulated ARM JVM, whose compiler runs
   * under QEMU too, gets more through {@code lamina.allocation.patienceSeconds}.
   */
  private static final long PATIENCE_NANOS =
      Long.getLong("lamina.allocation.patienceSeconds", 30) * 1_000_000_000L;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationProbe() {}

  /** Runs rounds of calls until one allocates under {@code bytesPerCall}; fails if none does. */
  static void assertEventuallyBelow(
      String what, long bytesPerCall, int callsPerRound, Runnable call) {
    long id = Thread.currentThread().getId();
    long last = 0;
    long calls = 0;
    for (long start = System.nanoTime(); System.nanoTime() - start < PATIENCE_NANOS; ) {
      long before = THREADS.getThreadAllocatedBytes(id);
      for (int i = 0; i < callsPerRound; i++) {
        call.run();
      }
      last = (THREADS.getThreadAllocatedBytes(id) - before) / callsPerRound;
      calls += callsPerRound;
      if (last < bytesPerCall) {
        return;
      }
    }
    fail(what + " still allocates " + last + " bytes per call after " + calls + " calls");
  }
}
