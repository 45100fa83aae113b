package dev.lamina;

import java.util.Arrays;

/**
 * One-hot rows from class indices, as Keras's {@code ops.one_hot}: a sparse loss's targets. Inside
 * a workspace the previous step's rows are rewritten in place, so that every operation computed
 * from them (the cross-entropy and its gradient, back through the softmax to the last Dense layer)
 * finds its inputs again and allocates nothing: a fresh one-hot tensor per step made W6's
 * classifier head allocate 1.4 MB per step.
 */
final class OneHot {
  private OneHot() {}

  /** Float32, shaped as the indices with a last axis of {@code classes}. */
  static Tensor of(Tensor indices, int classes) {
    if (classes <= 0) {
      throw new IllegalArgumentException("oneHot: classes must be at least 1, got " + classes);
    }
    int[] shape = Arrays.copyOf(indices.shape, indices.shape.length + 1);
    shape[indices.shape.length] = classes;
    Tensor hit = Workspace.reuse("one_hot", indices, null, null, classes, shape);
    Tensor out = hit != null ? hit : Storage.empty(DType.FLOAT32, shape);
    int n = (int) indices.size();
    Arrays.fill(out.floats, 0f);
    for (int i = 0; i < n; i++) {
      double index = indices.floats != null ? indices.floats[i] : indices.doubles[i];
      if (!(index >= 0 && index < classes) || index != Math.rint(index)) {
        throw new IllegalArgumentException(
            "oneHot: class index " + index + " at " + i + " is outside [0, " + classes + ")");
      }
      out.floats[i * classes + (int) index] = 1f;
    }
    return hit != null ? hit : Workspace.remember(out);
  }
}
