package dev.lamina.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A lane square root counts as compiled except on an x86 JVM without AVX. The build runs this class
 * at every width, in a JVM with {@code -XX:UseAVX=0}, and under tools/aarch64-java's JDK 17 on
 * QEMU's NEON and SVE CPUs (lamina-kernels/pom.xml), where Adam must keep its vector loop.
 */
class LaneSqrtTest {
  @Test
  void compiledUnlessTheJvmRunsWithoutAvx() {
    assertEquals(!HotSpotOptions.value("UseAVX").orElse("").equals("0"), LaneSqrt.COMPILED);
  }
}
