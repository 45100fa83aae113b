package dev.lamina.bench.workloads;

import bench.harness.Report;
import bench.harness.Workloads;
import dev.lamina.kernels.KernelThreads;
import dev.lamina.kernels.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lamina as one more peer of ../shared/bench: runs the named workloads (argument {@code
 * W1,W2,W3,W4,W5}, or W6, the convnet) and prints the harness's RESULT and INFO lines. Kernels split over 2 threads,
 * as the peers do ({@code -Dlamina.threads} changes it).
 */
public final class LaminaBench {
  private LaminaBench() {}

  public static void main(String[] args) throws IOException {
    String list = args.length > 0 ? args[0] : "W1,W2,W3,W4,W5";
    Workloads w = Workloads.load();
    KernelThreads.setCount(Integer.getInteger("lamina.threads", 2));
    Report.info(TrainingWorkloads.PEER, "kernels", Kernels.get().name(),
        "threads", KernelThreads.count(), "java", System.getProperty("java.version"));
    TrainingWorkloads training = new TrainingWorkloads(w);
    for (String wl : list.split(",")) {
      switch (wl.trim()) {
        case "W1", "W3" -> training.epochs(wl.trim());
        case "W2" -> training.wide();
        case "W4" -> training.tinySteps();
        case "W5" -> GemmCeiling.run(w);
        case "W6" -> ConvnetWorkload.run();
        default -> throw new IllegalArgumentException("unknown workload " + wl + "; known: W1..W6");
      }
      Report.info(TrainingWorkloads.PEER, "workload", wl.trim(), "peak_rss_mb", peakRssMb());
    }
  }

  static void dataInfo(String wl, String xCrc, String yCrc) {
    Report.info(TrainingWorkloads.PEER, "workload", wl, "x_crc32", xCrc, "y_crc32", yCrc);
  }

  /** The process's peak resident set so far (VmHWM), in MiB; NaN where /proc is missing. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
