package dev.lamina.kernels;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Picks the kernels once per JVM: the Vector API kernels when the {@code jdk.incubator.vector}
 * module is in the boot layer, else the plain ones. The system property {@code
 * lamina.kernels=plain} forces the plain kernels. VectorKernels is loaded by name so that a JVM
 * without the module never links against it.
 */
public final class KernelSelection {
  static final String PROPERTY = "lamina.kernels";

  /**
   * The JIT flag every JVM that runs the vector kernels should have on JDK 17, for launchers and
   * benchmark forks to pass: see {@link TrapLimit}.
   */
  public static final String TRAP_LIMIT_FLAG = TrapLimit.FLAG;

  static final Kernels ACTIVE = choose();

  private KernelSelection() {}

  /**
   * What this JVM runs, for benchmark logs: {@code kernels=plain}, or for the Vector API kernels
   * the vector width, the vector registers, the GEMM tile and cache blocks chosen for them, whether
   * multiply-adds are fused ({@link MultiplyAdd}), whether lane compares ({@link LaneCompares}) and
   * moves of lane bits ({@link LaneBits}) compile and whether 64-bit lanes multiply ({@link
   * LongLaneMultiply}), e.g. {@code kernels=vector width=256 registers=16 micro=4x16 mc=96 kc=1024
   * nc=1024 a=packed fma=yes compares=yes lanebits=yes longmul=yes}.
   */
  public static String describe() {
    // GemmShape links against the Vector API, so it is touched only when the vector kernels run
    return ACTIVE == PlainKernels.INSTANCE
        ? "kernels=plain"
        : "kernels="
            + ACTIVE.name()
            + " "
            + GemmShape.ACTIVE.describe()
            + " fma="
            + (MultiplyAdd.FUSED ? "yes" : "no")
            + " compares="
            + (LaneCompares.COMPILED ? "yes" : "no")
            + " lanebits="
            + (LaneBits.COMPILED ? "yes" : "no")
            + " longmul="
            + (LongLaneMultiply.COMPILED ? "yes" : "no");
  }

  private static Kernels choose() {
    String wanted = System.getProperty(PROPERTY, "auto");
    boolean vectorPresent = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    Kernels chosen =
        switch (wanted) {
          case "plain" -> PlainKernels.INSTANCE;
          case "auto" -> vectorPresent ? loadVector() : PlainKernels.INSTANCE;
          case "vector" -> {
            if (!vectorPresent) {
              throw new IllegalStateException(
                  PROPERTY + "=vector needs the JVM flag --add-modules=jdk.incubator.vector");
            }
            yield loadVector();
          }
          default ->
              throw new IllegalArgumentException(
                  "system property "
                      + PROPERTY
                      + " must be plain, vector or auto, got '"
                      + wanted
                      + "'");
        };
    System.Logger logger = System.getLogger(Kernels.class.getName());
    logger.log(
        Level.DEBUG,
        "Lamina kernels: {0} (jdk.incubator.vector present: {1})",
        chosen.name(),
        vectorPresent);
    Optional<String> advice = fallbackAdvice(wanted, vectorPresent);
    if (advice.isPresent()) {
      logger.log(Level.WARNING, advice.get());
    }
    return chosen;
  }

  /**
   * What to tell a JVM that runs the plain kernels only because nobody enabled the Vector API
   * module: a library's users start their own JVMs, and W1 and W2 train about 4 times slower there
   * (bench/RESULTS.md). Nothing when the plain kernels were asked for.
   */
  static Optional<String> fallbackAdvice(String wanted, boolean vectorPresent) {
    if (!wanted.equals("auto") || vectorPresent) {
      return Optional.empty();
    }
    return Optional.of(
        "Lamina runs its plain-Java kernels because this JVM lacks the module"
            + " jdk.incubator.vector; with it training runs several times faster: start java with"
            + " --add-modules=jdk.incubator.vector (or set -D"
            + PROPERTY
            + "=plain to choose the plain kernels without this message)");
  }

  /**
   * Logs, once, what this JVM's flags cost the vector kernels: {@link TrapLimit}, {@link
   * SveBeforeJdk21}.
   */
  private static void warnAboutThisJvm() {
    int jdk = Runtime.version().feature();
    Stream.of(
            TrapLimit.advice(jdk, HotSpotOptions.value("PerMethodTrapLimit")),
            SveBeforeJdk21.advice(jdk, HotSpotOptions.sveLevel()))
        .flatMap(Optional::stream)
        .forEach(message -> System.getLogger(Kernels.class.getName()).log(Level.WARNING, message));
  }

  private static Kernels loadVector() {
    warnAboutThisJvm();
    try {
      return (Kernels)
          Class.forName("dev.lamina.kernels.VectorKernels").getDeclaredField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the Vector API kernels", e);
    }
  }
}
