package dev.lamina.bench.workloads;

import bench.harness.Report;
import bench.harness.Workloads;
import dev.lamina.kernels.internal.KernelThreads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lamina as one more peer of ../shared/bench: runs the named workloads (argument {@code
 * W1,W2,W3,W4,W5}, W1's {@link Variant}s such as {@code W1-gelu}, or W6, the convnet) and prints
 * the harness's RESULT and INFO lines, the first saying what it runs on. Kernels split over 2
 * threads, as the peers do ({@code -Dlamina.threads} changes it).
 */
public final class LaminaBench {
  private LaminaBench() {}

  public static void main(String[] args) throws IOException {
    String list = args.length > 0 ? args[0] : "W1,W2,W3,W4,W5";
    Workloads w = Workloads.load();
    KernelThreads.setCount(Integer.getInteger("lamina.threads", 2));
    Report.info(
        TrainingWorkloads.PEER,
        "kernels",
        KernelDescription.describe(),
        "vector_bits",
        KernelDescription.preferredVectorBits(),
        "threads",
        KernelThreads.count(),
        "java",
        System.getProperty("java.version"),
        "vm",
        System.getProperty("java.vm.name"),
        "jvm_flags",
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    TrainingWorkloads training = new TrainingWorkloads(w);
    int failed = 0;
    for (String item : list.split(",")) {
      String wl = item.trim();
      try {
        run(wl, w, training);
      } catch (RuntimeException e) {
        // a model the engine cannot train yet is a figure of its own ("failed: why"), and the
        // workloads after it still run
        failed++;
        Report.info(TrainingWorkloads.PEER, "workload", wl, "error", String.valueOf(e));
        e.printStackTrace();
      }
      Report.info(TrainingWorkloads.PEER, "workload", wl, "peak_rss_mb", peakRssMb());
    }
    if (failed > 0) {
      System.exit(1);
    }
  }

  private static void run(String wl, Workloads w, TrainingWorkloads training) {
    switch (wl) {
      case "W3" -> training.epochs(wl);
      case "W2" -> training.wide();
      case "W4" -> training.tinySteps();
      case "W5" -> GemmCeiling.run(w);
      case "W6" -> ConvnetWorkload.run();
      default -> {
        if (!Variant.base(wl).equals("W1")) {
          throw new IllegalArgumentException(
              "unknown workload " + wl + "; known: W1..W6 and W1's variants (W1-gelu, ...)");
        }
        training.epochs(wl);
      }
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
