package dev.lamina.initializers;

import java.util.Arrays;

/** Element counts of weight shapes. */
final class Shapes {
  private Shapes() {}

  static int size(int[] shape) {
    long size = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      size *= dim;
    }
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
    }
    return (int) size;
  }
}
