package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Once compiled, the kernels allocate nothing per call (see {@link AllocationProbe}): boxing comes
 * from an operator passed as a parameter or a profile-less compilation.
 */
class SteadyStateAllocationTest {
  private static final int CALLS_PER_ROUND = 2_000;
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
    assertEventuallyBelow(
        "gemm",
        1,
        () -> Kernels.get().gemm(false, true, 40, 70, 50, g.a(), 0, g.b(), 0, c, 0, true));
  }

  @Test
  void elementwiseKernels() {
    float[] a = new float[70];
    float[] b = new float[70];
    float[] out = new float[70];
    for (ElementwisePropertyTest.Case kernel : ElementwisePropertyTest.Case.values()) {
      assertEventuallyBelow(
          kernel.name(), 1, () -> kernel.call.apply(Kernels.get(), a, b, out, 1, 67));
    }
  }

  @Test
  void activationsForwardAndBackward() {
    // exp, expm1 and tanh are helpers of ours: one left uninlined would box its vectors
    float[] x = new float[70];
    float[] y = new float[70];
    float[] g = new float[70];
    float[] out = new float[70];
    Kernels k = Kernels.get();
    for (Pointwise f : Pointwise.values()) {
      assertEventuallyBelow(f + " forward", 1, () -> k.pointwise(f, x, y, 67));
      assertEventuallyBelow(f + " backward", 1, () -> k.pointwiseBackward(f, x, y, g, out, 67));
    }
  }

  @Test
  void float64GemmOnOneThread() {
    KernelThreads.setCount(1);
    double[] a = new double[40 * 50];
    double[] b = new double[70 * 50];
    double[] c = new double[40 * 70];
    assertEventuallyBelow(
        "float64 gemm",
        1,
        () -> Kernels.get().gemm(false, true, 40, 70, 50, a, 0, b, 0, c, 0, true));
  }

  @Test
  void windowMaximumAndFloat64ReluAndAdam() {
    float[] values = new float[3 * 70];
    int[] starts = {0, 70, 140};
    float[] maxima = new float[70];
    int[] positions = new int[70];
    double[] wide = new double[70];
    Kernels k = Kernels.get();
    assertEventuallyBelow(
        "windowMaximum", 1, () -> k.windowMaximum(values, starts, 3, maxima, positions, 0, 67));
    assertEventuallyBelow(
        "float64 relu forward", 1, () -> k.pointwise(Pointwise.RELU, wide, wide, 67));
    assertEventuallyBelow(
        "float64 relu backward",
        1,
        () -> k.pointwiseBackward(Pointwise.RELU, wide, wide, wide, wide, 67));
    assertEventuallyBelow(
        "float64 adam", 1, () -> k.adam(wide, wide, wide, wide, 1, 67, 1e-3, 0.1, 0.001, 1e-7));
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
    assertEventuallyBelow(
        "sumSquaredDeviations", 1, () -> k.sumSquaredDeviations(a, rows, cols, column, sums));
    assertEventuallyBelow(
        "sumColumnProducts", 1, () -> k.sumColumnProducts(a, b, rows, cols, sums));
    assertEventuallyBelow(
        "batchNormForward",
        1,
        () -> k.batchNormForward(a, rows, cols, column, column, column, column, b, out));
    assertEventuallyBelow(
        "batchNormBackward",
        1,
        () -> k.batchNormBackward(a, b, rows, cols, column, column, column, out));
    // the GEMM must stay unboxed once the mask and normalization kernels have compiled
    gemmOnOneThread();
  }

  private static void assertEventuallyBelow(String what, long bytesPerCall, Runnable call) {
    AllocationProbe.assertEventuallyBelow(what, bytesPerCall, CALLS_PER_ROUND, call);
  }
}
