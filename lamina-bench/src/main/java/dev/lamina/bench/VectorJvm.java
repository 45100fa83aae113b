package dev.lamina.bench;

/**
 * The flags every benchmark fork needs to run the vector kernels as the launcher does: the Vector
 * API module, and the JIT trap limit that keeps long kernel loops from boxing on JDK 17 (see
 * TrapLimit in lamina-kernels).
 */
final class VectorJvm {
  static final String MODULE = "--add-modules=jdk.incubator.vector";
  static final String TRAP_LIMIT = "-XX:PerMethodTrapLimit=10000";

  private VectorJvm() {}
}
