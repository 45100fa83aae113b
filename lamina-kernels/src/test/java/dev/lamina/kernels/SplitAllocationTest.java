package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handing parts of a split kernel to the workers allocates nothing on the calling thread (no task
 * lists, lambdas or futures per call). Kept apart from {@link SteadyStateAllocationTest}, in a JVM
 * of its own: more call shapes through one measuring loop change how the JIT compiles them.
 */
class SplitAllocationTest {
  private static final int CALLS_PER_ROUND = 500;
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @Test
  void splitGemmAdamAndActivationsAllocateNothingPerCall() {
    KernelThreads.setCount(2);
    GemmCase g = GemmCase.random(64, 192, 256, 0, new Random(2));
    float[] c = new float[64 * 192];
    int n = 1 << 17;
    float[] w = new float[n];
    float[] grad = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    float[] y = new float[n];
    Kernels kernels = Kernels.get();
    AllocationProbe.assertEventuallyBelow(
        "split gemm + adam + tanh forward and backward",
        1,
        CALLS_PER_ROUND,
        () -> {
          kernels.gemm(false, false, 64, 192, 256, g.a(), 0, g.b(), 0, c, 0, false);
          kernels.adam(w, grad, m, v, 0, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
          kernels.pointwise(Pointwise.TANH, w, y, n);
          kernels.pointwiseBackward(Pointwise.TANH, null, y, grad, m, n);
        });
  }
}
