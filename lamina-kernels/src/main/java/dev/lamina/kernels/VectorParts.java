package dev.lamina.kernels;

import jdk.incubator.vector.FloatVector;

/** Splits n elements into parts of whole vectors for the kernel threads. */
final class VectorParts {
  private VectorParts() {}

  /** Where part {@code part} of {@code parts} starts; part {@code parts} starts at n. */
  static int start(int n, int part, int parts) {
    if (part == parts) {
      return n;
    }
    int lanes = FloatVector.SPECIES_PREFERRED.length();
    return (int) ((long) n * part / parts) / lanes * lanes;
  }
}
