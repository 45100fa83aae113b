package dev.lamina.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/** The running HotSpot JVM's flags, for the kernels that adapt to them; empty on other JVMs. */
final class HotSpotOptions {
  private HotSpotOptions() {}

  static Optional<String> value(String flag) {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return Optional.of(vm.getVMOption(flag).getValue());
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** x86's AVX level (0 for SSE only, 3 for AVX-512); empty on other CPUs and JVMs. */
  static Optional<Integer> avxLevel() {
    return value("UseAVX").map(Integer::parseInt);
  }

  /** Whether this is an x86 JVM running without AVX (HotSpot's UseAVX=0: SSE only). */
  static boolean x86WithoutAvx() {
    return avxLevel().map(level -> level == 0).orElse(false);
  }

  /** ARM's SVE level (0 for NEON only, 2 for SVE2); empty on other CPUs and JVMs. */
  static Optional<Integer> sveLevel() {
    return value("UseSVE").map(Integer::parseInt);
  }
}
