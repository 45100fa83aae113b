package dev.lamina.kernels;

/**
 * Whether the JIT compiles the Vector API's operations that move a lane's bits as they are:
 * reinterpretations between lane types (relu on the lanes' bits, {@link ReluLanes}; the dropout
 * mask's sign bits made into 1f) and reads of a single lane (the sums that add their lanes in a
 * stated order). HotSpot before 21 compiles neither to ARM's SVE ({@link SveBeforeJdk21}): the relu
 * kernels and the dropout mask take their plain loops there, and the sums add their lanes with the
 * API's reduction, which SVE does strictly in lane order.
 */
final class LaneBits {
  /** False on a HotSpot older than 21 running with SVE; true on every other JVM. */
  static final boolean COMPILED = !SveBeforeJdk21.THIS_JVM;

  private LaneBits() {}
}
