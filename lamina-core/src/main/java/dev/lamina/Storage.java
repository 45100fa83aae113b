package dev.lamina;

/**
 * Tensors over arrays that an operation of this package has just filled or is about to fill,
 * without the copy and the checks of the public factories on {@link Tensor}.
 */
final class Storage {
  private Storage() {}

  static Tensor raw(int[] shape, float[] values) {
    return new Tensor(shape, values, null, false, null);
  }

  static Tensor raw(int[] shape, double[] values) {
    return new Tensor(shape, null, values, false, null);
  }

  /** A zero tensor of {@code shape} (kept, not copied) to compute into. */
  static Tensor empty(DType dtype, int[] shape) {
    int size = Axis.product(shape);
    return dtype == DType.FLOAT32 ? raw(shape, new float[size]) : raw(shape, new double[size]);
  }

  /** A zero tensor shaped like {@code like}, to compute into. */
  static Tensor emptyLike(Tensor like) {
    return empty(like.dtype, like.shape);
  }
}
