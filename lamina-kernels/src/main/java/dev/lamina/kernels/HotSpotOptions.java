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
}
