package dev.lamina.bench.workloads;

import bench.harness.BenchData;
import bench.harness.CpuWatch;
import bench.harness.Repeats;
import bench.harness.Report;
import bench.harness.Workloads;
import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.internal.KernelThreads;

/** W5: GFLOP/s of C = A·B with Lamina's kernels, at each thread count of the workload. */
final class GemmCeiling {
  private GemmCeiling() {}

  static void run(Workloads w) {
    String wl = "W5";
    float[][] ab = BenchData.gemm(w, wl);
    int m = w.i(wl + ".m");
    int n = w.i(wl + ".n");
    int k = w.i(wl + ".k");
    int iters = w.i(wl + ".iters");
    int warmup = w.i(wl + ".warmup_iters");
    float[] c = new float[m * n];
    int before = KernelThreads.count();
    for (int threads : w.ints(wl + ".threads")) {
      KernelThreads.setCount(threads);
      for (int i = 0; i < warmup; i++) {
        multiply(ab, c, m, n, k);
      }
      Repeats.clean(
          w,
          wl,
          r -> {
            CpuWatch watch = new CpuWatch();
            long start = System.nanoTime();
            for (int i = 0; i < iters; i++) {
              multiply(ab, c, m, n, k);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double foreign = watch.foreign();
            Report.result(
                TrainingWorkloads.PEER,
                wl,
                "gflops",
                r,
                2.0 * m * n * k * iters / seconds / 1e9,
                "threads",
                threads,
                "foreign_cpu",
                foreign);
            return foreign;
          });
    }
    KernelThreads.setCount(before);
  }

  private static void multiply(float[][] ab, float[] c, int m, int n, int k) {
    Kernels.get().gemm(false, false, m, n, k, ab[0], 0, ab[1], 0, c, 0, false);
  }
}
