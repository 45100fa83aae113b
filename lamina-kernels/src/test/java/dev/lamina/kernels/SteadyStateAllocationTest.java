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
  /**
   * How long a kernel may take to reach its final compilation. A count of calls was not enough:
   * after the property tests the JIT's queue is long, and on a busy 2-core machine a kernel's
   * final compilation sometimes came only after 300,000 calls.
   */
  private static final long PATIENCE_NANOS = 30_000_000_000L;
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

  @Test
  void maskAndNormalizationKernelsAndAGemmAfterThem() {
    KernelThreads.setCount(1);
    int rows = 9;
    int cols = 70;
    float[] a = new float[rows * cols];
    float[] b = new float[rows * cols];
    float[] out = new float[rows * cols];
    float[] column = new float[cols];
    float[] sums = new float[cols];
    Kernels k = Kernels.get();
    assertEventuallyBelow("bernoulliMask", 1, () -> k.bernoulliMask(5, 0.7, out, 1, 67));
    assertEventuallyBelow("sumSquaredDeviations", 1,
        () -> k.sumSquaredDeviations(a, rows, cols, column, sums));
    assertEventuallyBelow("sumColumnProducts", 1, () -> k.sumColumnProducts(a, b, rows, cols, sums));
    assertEventuallyBelow("batchNormForward", 1,
        () -> k.batchNormForward(a, rows, cols, column, column, column, column, b, out));
    assertEventuallyBelow("batchNormBackward", 1,
        () -> k.batchNormBackward(a, b, rows, cols, column, column, column, out));
    // a second vector shape anywhere in the JVM would make the GEMM box its vectors from here on
    gemmOnOneThread();
  }

  /** Runs rounds of calls until one allocates under {@code bytesPerCall}; fails if none does. */
  private static void assertEventuallyBelow(String what, long bytesPerCall, Runnable call) {
    long id = Thread.currentThread().getId();
    long last = 0;
    long calls = 0;
    for (long start = System.nanoTime(); System.nanoTime() - start < PATIENCE_NANOS; ) {
      long before = THREADS.getThreadAllocatedBytes(id);
      for (int i = 0; i < CALLS_PER_ROUND; i++) {
        call.run();
      }
      last = (THREADS.getThreadAllocatedBytes(id) - before) / CALLS_PER_ROUND;
      calls += CALLS_PER_ROUND;
      if (last < bytesPerCall) {
        return;
      }
    }
    fail(what + " still allocates " + last + " bytes per call after " + calls + " calls");
  }
}
