package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handing parts of a split kernel to the workers allocates nothing on the calling thread (no task
 * lists, lambdas or futures per call). Kept apart from {@link SteadyStateAllocationTest}: more
 * call shapes through its shared measuring loop change how the JIT compiles the kernels it checks.
 */
class SplitAllocationTest {
  private static final int CALLS_PER_ROUND = 500;
  /** How long the calls may take to reach their final compilation (see SteadyStateAllocationTest). */
  private static final long PATIENCE_NANOS = 30_000_000_000L;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @Test
  void splitGemmAndAdamAllocateNothingPerCall() {
    KernelThreads.setCount(2);
    GemmCase g = GemmCase.random(64, 192, 256, 0, new Random(2));
    float[] c = new float[64 * 192];
    int n = 1 << 17;
    float[] w = new float[n];
    float[] grad = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    Kernels kernels = Kernels.get();
    long id = Thread.currentThread().getId();
    long perCall = -1;
    for (long start = System.nanoTime(); System.nanoTime() - start < PATIENCE_NANOS; ) {
      long before = THREADS.getThreadAllocatedBytes(id);
      for (int call = 0; call < CALLS_PER_ROUND; call++) {
        kernels.gemm(false, false, 64, 192, 256, g.a(), 0, g.b(), 0, c, 0, false);
        kernels.adam(w, grad, m, v, 0, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
      }
      perCall = (THREADS.getThreadAllocatedBytes(id) - before) / CALLS_PER_ROUND;
      if (perCall == 0) {
        break;
      }
    }
    assertEquals(0, perCall, "bytes allocated per split gemm + adam");
  }
}
