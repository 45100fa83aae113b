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
    float[] labels = yTrue.toFloatArray();
    for (int r = 0; r < rows; r++) {
      float label = labels[r];
      if (!(label >= 0 && label < classes) || label != Math.rint(label)) {
        throw new IllegalArgumentException(
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
    Tensor y = yTrue.oneHot(classes).reshape(rows, classes).to(yPred.dtype());
    return CategoricalCrossentropy.crossEntropy(y, yPred, fromLogits);
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("from_logits", fromLogits);
  }
}
