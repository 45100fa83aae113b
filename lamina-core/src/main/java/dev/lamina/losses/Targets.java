package dev.lamina.losses;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import java.util.Arrays;

/** Keras's squeeze-or-expand rank reconciliation between targets and predictions. */
final class Targets {
  private Targets() {}

  /** yTrue reshaped to yPred's shape when they differ only by a trailing axis of size 1. */
  static Tensor alignedTo(String loss, Tensor yTrue, Tensor yPred) {
    int[] t = yTrue.shape();
    int[] p = yPred.shape();
    if (Arrays.equals(t, p)) {
      return yTrue;
    }
    if (yTrue.size() == yPred.size() && t.length > 0 && p.length > 0 && t[0] == p[0]) {
      boolean trailingOne =
          (t.length == p.length - 1 && p[p.length - 1] == 1)
              || (p.length == t.length - 1 && t[t.length - 1] == 1);
      if (trailingOne) {
        return yTrue.reshape(p);
      }
    }
    throw new ShapeMismatchException(
        loss
            + ": targets of shape "
            + Arrays.toString(t)
            + " do not match predictions of shape "
            + Arrays.toString(p));
  }

  /** Rejects target values outside [0, 1], naming the first bad row. */
  static void requireProbabilities(String loss, Tensor yTrue) {
    float[] values = yTrue.toFloatArray();
    int cols = yTrue.rank() < 2 ? 1 : yTrue.shape()[yTrue.rank() - 1];
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1)) {
        throw new IllegalArgumentException(
            loss
                + ": targets must lie in [0, 1], got "
                + values[i]
                + " in row "
                + (i / cols)
                + (cols > 1 ? ", column " + (i % cols) : ""));
      }
    }
  }
}
