package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Once compiled, the kernels allocate nothing per call. A Vector API value that the JIT fails to
 * keep in registers is boxed on the heap (an operator passed as a parameter, a profile-less
 * compilation), which costs 5–10× in speed; allocation makes that visible without timing.
 */
class SteadyStateAllocationTest {
  private static final int CALLS_PER_ROUND = 2_000;
  private static final int MAX_ROUNDS = 150;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @Test
  void gemmOnOneThread() {
    KernelThreads.setCount(1);
    GemmCase g = GemmCase.random(40, 70, 50, 0, new Random(1));
    float[] c = new float[40 * 70];
    assertEventuallyBelow("gemm", 1, () ->
        Kernels.get().gemm(false, true, 40, 70, 50, g.a(), 0, g.b(), 0, c, 0, true));
  }

  @Test
  void elementwiseKernels() {
    float[] a = new float[70];
    float[] b = new float[70];
    float[] out = new float[70];
    for (ElementwisePropertyTest.Case kernel : ElementwisePropertyTest.Case.values()) {
      assertEventuallyBelow(kernel.name(), 1, () -> kernel.call.apply(Kernels.get(), a, b, out, 1, 67));
    }
  }

  /** Runs rounds of calls until one allocates under {@code bytesPerCall}; fails if none does. */
  private static void assertEventuallyBelow(String what, long bytesPerCall, Runnable call) {
    long id = Thread.currentThread().getId();
    long last = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      long before = THREADS.getThreadAllocatedBytes(id);
      for (int i = 0; i < CALLS_PER_ROUND; i++) {
        call.run();
      }
      last = (THREADS.getThreadAllocatedBytes(id) - before) / CALLS_PER_ROUND;
      if (last < bytesPerCall) {
        return;
      }
    }
    fail(what + " still allocates " + last + " bytes per call after "
        + MAX_ROUNDS * CALLS_PER_ROUND + " calls");
  }
}
