package dev.lamina.kernels;

/**
 * Whether the JIT compiles the Vector API's operations that move a lane's bits as they are:
 * reinterpretations between lane types (relu on the lanes' bits, {@link ReluLanes}; the dropout
 * mask's sign bits made into 1f). HotSpot before 21 does not to ARM's SVE ({@link SveBeforeJdk21}):
 * the relu kernels and the dropout mask take their plain loops there. (The sums that add their
 * lanes in a stated order store the vector and add from memory, which compiles everywhere: {@link
 * VectorKernels#laneRoom}.)
 */
final class LaneBits {
  /** False on a HotSpot older than 21 running with SVE; true on every other JVM. */
  static final boolean COMPILED = !SveBeforeJdk21.THIS_JVM;

  private LaneBits() {}
}
