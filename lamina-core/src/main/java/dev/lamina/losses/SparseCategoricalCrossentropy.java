package dev.lamina.losses;

import dev.lamina.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Categorical cross-entropy with integer class targets of shape (N,) or (N, 1). A target that is
 * not a whole number in [0, classes) is rejected, naming its row.
 */
public final class SparseCategoricalCrossentropy implements Loss {
  private boolean fromLogits;

  public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  public boolean isFromLogits() {
    return fromLogits;
  }

  /** The loss's error for the first label outside [0, classes), else oneHot's own. */
  private IllegalArgumentException badIndex(
      float[] labels, int classes, IllegalArgumentException oneHotError) {
    for (int r = 0; r < labels.length; r++) {
      float label = labels[r];
      if (!(label >= 0 && label < classes) || label != Math.rint(label)) {
        return new IllegalArgumentException(
            name()
                + ": class index "
                + label
                + " in row "
                + r
                + " is outside [0, "
                + classes
                + ") for a model with "
                + classes
                + " outputs");
      }
    }
    return oneHotError;
  }

  @Override
  public String name() {
    return "sparse_categorical_crossentropy";
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    int[] p = yPred.shape();
    int rows = p[0];
    int classes = p[p.length - 1];
    if (yTrue.size() != rows) {
      throw new dev.lamina.ShapeMismatchException(
          name()
              + ": expected one class index per row ("
              + rows
              + " rows), got targets of shape "
              + Arrays.toString(yTrue.shape()));
    }
    Tensor y;
    try {
      y = yTrue.oneHot(classes);
    } catch (IllegalArgumentException e) {
      // oneHot checks every index once; here only an index it rejected is named in the loss's terms
      throw badIndex(yTrue.toFloatArray(), classes, e);
    }
    y = y.reshape(rows, classes).to(yPred.dtype());
    return CategoricalCrossentropy.crossEntropy(y, yPred, fromLogits);
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("from_logits", fromLogits);
  }
}
