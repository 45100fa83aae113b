package dev.lamina.keras;

import io.jhdf.api.Dataset;
import java.util.Arrays;

/**
 * Reads one HDF5 dataset as float32 values after checking, from its header alone, that its shape is
 * the one the layer's config implies: a dataset that declares another shape is refused before any
 * of its data is read or allocated.
 */
final class H5Arrays {
  private H5Arrays() {}

  static float[] floats(Dataset dataset, int[] expectedShape, String where) {
    int[] declared = dataset.getDimensions();
    if (!Arrays.equals(declared, expectedShape)) {
      throw new IllegalArgumentException(
          where
              + ": the file's dataset has shape "
              + Arrays.toString(declared)
              + " but the layer's config implies "
              + Arrays.toString(expectedShape));
    }
    if (dataset.isCompound() || dataset.isVariableLength()) {
      throw new IllegalArgumentException(where + ": the dataset does not hold numbers");
    }
    Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
    return toFloats(data, where);
  }

  /** The first value of a scalar (or one-element) dataset, as a long. */
  static long scalarLong(Dataset dataset, String where) {
    if (dataset.getSize() != 1) {
      throw new IllegalArgumentException(
          where + ": expected a scalar, got shape " + Arrays.toString(dataset.getDimensions()));
    }
    Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
    if (data instanceof Number n) {
      return n.longValue();
    }
    return (long) toFloats(data, where)[0];
  }

  private static float[] toFloats(Object data, String where) {
    if (data instanceof float[] f) {
      return f;
    }
    if (data instanceof Number n) {
      return new float[] {n.floatValue()};
    }
    float[] out;
    if (data instanceof double[] d) {
      out = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = (float) d[i];
      }
    } else if (data instanceof long[] l) {
      out = new float[l.length];
      for (int i = 0; i < l.length; i++) {
        out[i] = l[i];
      }
    } else if (data instanceof int[] n) {
      out = new float[n.length];
      for (int i = 0; i < n.length; i++) {
        out[i] = n[i];
      }
    } else {
      throw new IllegalArgumentException(
          where
              + ": unsupported element type "
              + (data == null ? "null" : data.getClass().getSimpleName()));
    }
    return out;
  }
}
