package dev.lamina.bench;

import dev.lamina.kernels.KernelSelection;

/**
 * The flags every benchmark fork needs to run the vector kernels as the launcher does (the list in
 * tools/vector-flags): the Vector API module, the JIT trap limit that keeps long kernel loops from
 * boxing on JDK 17, and type profiles of arguments and returns, which keep a kernel from boxing
 * when a Vector API helper's own profile is empty.
 */
final class VectorJvm {
  static final String MODULE = "--add-modules=jdk.incubator.vector";
  static final String TRAP_LIMIT = KernelSelection.TRAP_LIMIT_FLAG;
  static final String TYPE_PROFILES = "-XX:TypeProfileLevel=222";

  private VectorJvm() {}
}
