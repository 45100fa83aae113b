package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handing parts of a split kernel to the workers allocates nothing on the calling thread (no task
 * lists, lambdas or futures per call). Kept apart from {@link SteadyStateAllocationTest}, in a JVM
 * of its own: more call shapes through one measuring loop change how the JIT compiles them. Each
 * kernel has its own loop, plus GEMM then an activation as a Dense layer's forward calls them: one
 * loop calling all four split kernels grew past C2's node budget for one compilation once GEMM's
 * blocking became generic over the element type, and tanh's vectors were boxed there (720 KB per
 * call), while a training step, whose kernels are compiled in their callers, stayed under 1 KB
 * (bench/alloc: W1 253 B, W1-l2 636 B, W4 −359 B per step). Each kernel runs at the smallest size
 * its split takes: the build runs this under QEMU too, where the sizes of before (four times the
 * elements, six times the GEMM's work) took 70 s.
 */
class SplitAllocationTest {
  private static final int CALLS_PER_ROUND = 500;
  private final int threadsBefore = KernelThreads.count();

  @AfterEach
  void restoreThreads() {
    KernelThreads.setCount(threadsBefore);
  }

  @Test
  void splitKernelsAllocateNothingPerCall() {
    KernelThreads.setCount(2);
    // m·n·k at the GEMM's threshold: 64 rows, so two parts of whole micro-tiles
    GemmCase g = GemmCase.random(64, 64, 128, 0, new Random(2));
    assertEquals(BlockedGemm.PARALLEL_MIN_WORK, 64 * 64 * 128);
    float[] c = new float[64 * 64];
    int n = VectorKernels.ADAM_PARALLEL_MIN;
    int pointwise = VectorRangeSplit.PARALLEL_MIN;
    float[] w = new float[n];
    float[] grad = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    float[] y = new float[n];
    Kernels kernels = Kernels.get();
    Runnable gemm = () -> kernels.gemm(false, false, 64, 64, 128, g.a(), 0, g.b(), 0, c, 0, false);
    Runnable adam = () -> kernels.adam(w, grad, m, v, 0, n, 1e-3f, 0.1f, 0.001f, 1e-7f);
    Runnable forward = () -> kernels.pointwise(Pointwise.TANH, w, y, pointwise);
    Runnable backward =
        () -> kernels.pointwiseBackward(Pointwise.TANH, null, y, grad, m, pointwise);
    AllocationProbe.assertEventuallyBelow("split gemm", 1, CALLS_PER_ROUND, gemm);
    AllocationProbe.assertEventuallyBelow("split adam", 1, CALLS_PER_ROUND, adam);
    double[] wide = new double[n];
    AllocationProbe.assertEventuallyBelow(
        "split float64 adam",
        1,
        CALLS_PER_ROUND,
        () -> kernels.adam(wide, wide, wide, wide, 0, n, 1e-3, 0.1, 0.001, 1e-7));
    AllocationProbe.assertEventuallyBelow("split tanh forward", 1, CALLS_PER_ROUND, forward);
    AllocationProbe.assertEventuallyBelow("split tanh backward", 1, CALLS_PER_ROUND, backward);
    AllocationProbe.assertEventuallyBelow(
        "split scale and dot",
        1,
        CALLS_PER_ROUND,
        () -> m[0] = kernels.scaleAndDot(0.5f, grad, 0, w, 0, v, 0, pointwise));
    // a kernel gradient over few rows (ThinGemm) and a bias gradient, both split by columns
    float[] thin = new float[11 * 512];
    AllocationProbe.assertEventuallyBelow(
        "split thin gemm",
        1,
        CALLS_PER_ROUND,
        () -> kernels.gemm(true, false, 11, 512, 96, w, 0, grad, 0, thin, 0, false));
    AllocationProbe.assertEventuallyBelow(
        "split column sums", 1, CALLS_PER_ROUND, () -> kernels.sumColumns(w, 0, 64, 512, thin, 0));
    AllocationProbe.assertEventuallyBelow(
        "split gemm, then tanh",
        1,
        CALLS_PER_ROUND,
        () -> {
          kernels.gemm(false, false, 64, 64, 128, g.a(), 0, g.b(), 0, c, 0, false);
          kernels.pointwise(Pointwise.TANH, c, c, 64 * 64);
        });
  }
}
