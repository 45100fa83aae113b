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
  private static final int WARM_UP_CALLS = 3_000;
  private static final int MEASURED_CALLS = 500;
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
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      kernels.gemm(false, false, 64, 192, 256, g.a(), 0, g.b(), 0, c, 0, false);
      kernels.adam(w, grad, m, v, 0, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
    }
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    for (int call = 0; call < MEASURED_CALLS; call++) {
      kernels.gemm(false, false, 64, 192, 256, g.a(), 0, g.b(), 0, c, 0, false);
      kernels.adam(w, grad, m, v, 0, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
    }
    assertEquals(0, (THREADS.getThreadAllocatedBytes(id) - before) / MEASURED_CALLS,
        "bytes allocated per split gemm + adam");
  }
}
