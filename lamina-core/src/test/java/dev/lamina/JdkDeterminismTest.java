package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.kernels.KernelSelection;
import dev.lamina.kernels.internal.KernelThreads;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One seed gives the same bits on JDK 17 and JDK 25: a seeded fit (Dense, BatchNormalization,
 * Dropout, tanh, Adam, validation split) must end with the fingerprint committed here, made on JDK
 * 17 with {@link DeterminismFingerprint}'s main. {@code .ci/run} runs {@code mvn verify} on both
 * JDKs, so both must give it. The plain kernels are CPU-independent (Java's float arithmetic is
 * exact IEEE 754) and are checked with 1 and 2 kernel threads in JVMs of their own; the Vector API
 * kernels' sums depend on the vector width, so their fingerprint is committed per kernel
 * configuration, and a configuration without one is checked for equal bits with 1 and 2 threads.
 */
class JdkDeterminismTest {
  static final String PLAIN = "2e8dd86c9c1fe906f051f62ad2b3a1e19dac60ed49f81e658f83afaf31e2f9cc";

  /** By {@link KernelSelection#describe()}: AVX-512 (the development and CI machines). */
  static final Map<String, String> VECTOR =
      Map.of(
          "kernels=vector width=512 registers=32 micro=8x32 mc=96 kc=1024 nc=1024 a=in-place"
              + " fma=yes compares=yes longmul=yes",
          "a2285e9f1e505adaea4c94093dd70e0847823c3a8d96bfe32bc4ee676474c9ba");

  @Test
  void thePlainKernelsGiveTheCommittedBitsWithOneAndTwoThreads() throws Exception {
    for (int threads : new int[] {1, 2}) {
      List<String> lines = fingerprintInOwnJvm("plain", threads);
      assertEquals("kernels=plain threads=" + threads, lines.get(0));
      assertEquals(
          PLAIN,
          lines.get(1),
          "plain kernels, " + threads + " threads, JDK " + Runtime.version().feature());
    }
  }

  @Test
  void theVectorKernelsGiveTheirConfigurationsBitsWithOneAndTwoThreads() {
    int before = KernelThreads.count();
    try {
      KernelThreads.setCount(1);
      String one = DeterminismFingerprint.of();
      KernelThreads.setCount(2);
      String two = DeterminismFingerprint.of();
      assertEquals(one, two, "1 and 2 kernel threads");
      String committed = VECTOR.get(KernelSelection.describe());
      if (committed != null) {
        assertEquals(
            committed, one, KernelSelection.describe() + ", JDK " + Runtime.version().feature());
      }
    } finally {
      KernelThreads.setCount(before);
    }
  }

  private static List<String> fingerprintInOwnJvm(String kernels, int threads)
      throws IOException, InterruptedException, URISyntaxException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlamina.kernels=" + kernels,
                "-Dlamina.threads=" + threads,
                "-cp",
                classPathOfThisJvm(),
                DeterminismFingerprint.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ran past 120 s");
    assertEquals(0, process.exitValue(), output);
    List<String> lines = output.lines().filter(l -> !l.startsWith("WARNING")).toList();
    assertEquals(2, lines.size(), output);
    return lines;
  }

  /**
   * Everything this JVM loads classes from: on the module path (surefire's way for a module) the
   * main classes are in jdk.module.path and the tests are patched into the module, so
   * java.class.path alone would leave the child JVM without them.
   */
  private static String classPathOfThisJvm() throws URISyntaxException {
    List<String> parts = new ArrayList<>();
    parts.add(
        Path.of(
                DeterminismFingerprint.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .toString());
    for (String key : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(key);
      if (value != null && !value.isEmpty()) {
        parts.add(value);
      }
    }
    return String.join(File.pathSeparator, parts);
  }
}
