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

  /**
   * An operation's output or gradient array for this run: inside a workspace the previous run's,
   * when there is one; otherwise a fresh one shaped like {@code like}, which the caller may keep.
   */
  static Tensor reusable(boolean inWorkspace, Tensor previous, Tensor like) {
    return inWorkspace && previous != null ? previous : emptyLike(like);
  }
}
