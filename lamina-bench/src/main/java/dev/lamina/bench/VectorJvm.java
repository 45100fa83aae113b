package dev.lamina.bench;

import dev.lamina.kernels.KernelSelection;

/**
 * The flags every benchmark fork needs to run the vector kernels as the launcher does: the Vector
 * API module, and the JIT trap limit that keeps long kernel loops from boxing on JDK 17.
 */
final class VectorJvm {
  static final String MODULE = "--add-modules=jdk.incubator.vector";
  static final String TRAP_LIMIT = KernelSelection.TRAP_LIMIT_FLAG;

  private VectorJvm() {}
}
