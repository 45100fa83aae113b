package dev.lamina.io;

import java.util.Arrays;

/** One weight as stored in a model file: a name, a shape and row-major float32 values. */
public record NamedArray(String name, int[] shape, float[] values) {
  public NamedArray {
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException(
          "NamedArray "
              + name
              + ": shape "
              + Arrays.toString(shape)
              + " holds "
              + size
              + " values, got "
              + values.length);
    }
  }
}
