package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.kernels.KernelSelection;
import dev.lamina.kernels.internal.KernelThreads;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One seed gives the same bits on JDK 17 and JDK 25: a seeded fit (Dense, BatchNormalization,
 * Dropout, tanh, Adam, validation split) must end with the fingerprint committed here, made on JDK
 * 17 with {@link DeterminismFingerprint}'s main. {@code .ci/run} runs {@code mvn verify} on both
 * JDKs, so both must give it. The plain kernels are CPU-independent (Java's float arithmetic is
 * exact IEEE 754) and are checked with 1 and 2 kernel threads in JVMs of their own. The Vector API
 * kernels' bits follow the vector width (the order of a sum's lanes), fused multiply-adds, and
 * whether lane compares compile (the activations' vector or plain forms); not the tile, the
 * register file or the cache blocks. Their fingerprints are committed per those three, and every
 * x86 CPU the kernels know is checked in a JVM narrowed to it (-XX:UseAVX, -XX:MaxVectorSize), so a
 * real AVX2 machine must give the bits its emulation gives here.
 */
class JdkDeterminismTest {
  static final String PLAIN = "2e8dd86c9c1fe906f051f62ad2b3a1e19dac60ed49f81e658f83afaf31e2f9cc";

  /** The fields of {@link KernelSelection#describe()} that decide the vector kernels' bits. */
  static final List<String> BIT_FIELDS = List.of("width", "fma", "compares");

  /** By those fields, made with the JVM flags of {@link #X86_CPUS} on AVX-512 (Zen 5). */
  static final Map<String, String> VECTOR =
      Map.of(
          "width=512 fma=yes compares=yes",
          "a2285e9f1e505adaea4c94093dd70e0847823c3a8d96bfe32bc4ee676474c9ba",
          "width=512 fma=no compares=yes",
          "42c1a407bbf10cc5d0138d82ccaf7088083bc1c0b3742e49f720e1695394f1b8",
          "width=256 fma=yes compares=yes",
          "6dfd2c6836191b742cb163f5e0f7deca593538ac4b88509f1e78dc40be82a5ed",
          "width=256 fma=no compares=yes",
          "e57b1192dca3c20a8c5cff515cc1b1a884a2759421990a4bfa740b562ab66d4e",
          "width=128 fma=yes compares=yes",
          "6cef4561904951aac947bb9eb9aba0deece88148bf33a4f5fa6823604ee5788f",
          "width=128 fma=no compares=yes",
          "e3aed9c14c719ba3d9c41a596c6ca1df15133f999d895a69b9d7bbb918b7acc5",
          "width=128 fma=no compares=no",
          "cdd3bd49eca6bd5e47ed466744640f76f30ea1d75528ffbd0be3588168332f39");

  /**
   * HotSpot flags that narrow a JVM to the x86 CPUs the kernels know: without FMA, 256-bit vectors
   * with 32 registers and with AVX2's 16, 256 bits without FMA, 128-bit vectors, AVX without FMA,
   * SSE alone. On an AVX-512 machine they reach every committed configuration.
   */
  static final List<List<String>> X86_CPUS =
      List.of(
          List.of("-XX:-UseFMA"),
          List.of("-XX:MaxVectorSize=32"),
          List.of("-XX:UseAVX=2"),
          List.of("-XX:UseAVX=2", "-XX:-UseFMA"),
          List.of("-XX:MaxVectorSize=16"),
          List.of("-XX:UseAVX=1", "-XX:-UseFMA"),
          List.of("-XX:UseAVX=0"));

  @Test
  void thePlainKernelsGiveTheCommittedBitsWithOneAndTwoThreads() throws Exception {
    for (int threads : new int[] {1, 2}) {
      List<String> lines = fingerprintInOwnJvm(List.of("-Dlamina.kernels=plain"), threads);
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
      String configuration = bitFields(KernelSelection.describe());
      String committed = VECTOR.get(configuration);
      if (committed != null) {
        assertEquals(committed, one, configuration + ", JDK " + Runtime.version().feature());
      }
    } finally {
      KernelThreads.setCount(before);
    }
  }

  @Test
  void everyX86CpuGivesItsCommittedBitsInAJvmNarrowedToIt() throws Exception {
    String arch = System.getProperty("os.arch");
    assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "HotSpot's x86 flags");
    List<String> kernelFlags =
        List.of(
            Objects.requireNonNull(
                    System.getProperty("lamina.kernel.jvm.flags"),
                    "lamina.kernel.jvm.flags, set by the build's surefire configuration")
                .trim()
                .split("\\s+"));
    Set<String> reached = new TreeSet<>();
    reached.add(bitFields(KernelSelection.describe()));
    for (List<String> cpu : X86_CPUS) {
      List<String> flags = new ArrayList<>(kernelFlags);
      flags.addAll(cpu);
      flags.add("-Dlamina.kernels=vector");
      List<String> lines = fingerprintInOwnJvm(flags, 1);
      String configuration = bitFields(lines.get(0));
      assertEquals(
          VECTOR.get(configuration),
          lines.get(1),
          configuration + " (" + cpu + "), JDK " + Runtime.version().feature());
      reached.add(configuration);
    }
    if (reached.contains("width=512 fma=yes compares=yes")) {
      assertEquals(new TreeSet<>(VECTOR.keySet()), reached, "configurations reached");
    }
  }

  /** The {@link #BIT_FIELDS} of a {@link KernelSelection#describe()} line, in that order. */
  static String bitFields(String described) {
    Map<String, String> fields = new HashMap<>();
    for (String field : described.split(" ")) {
      int equals = field.indexOf('=');
      if (equals > 0) {
        fields.put(field.substring(0, equals), field);
      }
    }
    List<String> chosen = new ArrayList<>();
    for (String name : BIT_FIELDS) {
      chosen.add(
          Objects.requireNonNull(fields.get(name), () -> "no " + name + "= in: " + described));
    }
    return String.join(" ", chosen);
  }

  private static List<String> fingerprintInOwnJvm(List<String> jvmFlags, int threads)
      throws IOException, InterruptedException, URISyntaxException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-Dlamina.threads=" + threads,
            "-cp",
            classPathOfThisJvm(),
            DeterminismFingerprint.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
