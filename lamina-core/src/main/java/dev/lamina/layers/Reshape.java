package dev.lamina.layers;

import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Reshapes each sample to {@code targetShape} (the batch axis kept), as Keras's Reshape; one
 * dimension may be -1, inferred from the others.
 */
public final class Reshape extends BaseLayer<Reshape> {
  private final int[] targetShape;

  public Reshape(int... targetShape) {
    int inferred = 0;
    for (int dim : targetShape) {
      if (dim == -1) {
        inferred++;
      } else if (dim <= 0) {
        throw new IllegalArgumentException(
            "Reshape: dimensions must be positive or one -1, got " + Arrays.toString(targetShape));
      }
    }
    if (targetShape.length == 0 || inferred > 1) {
      throw new IllegalArgumentException(
          "Reshape: expected a target shape with at most one -1, got "
              + Arrays.toString(targetShape));
    }
    this.targetShape = targetShape.clone();
  }

  public int[] targetShape() {
    return targetShape.clone();
  }

  @Override
  public String className() {
    return "Reshape";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    long size = 1;
    for (int dim : inputShape) {
      size *= dim;
    }
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < targetShape.length; i++) {
      if (targetShape[i] == -1) {
        unknownAt = i;
      } else {
        known *= targetShape[i];
      }
    }
    int[] out = targetShape.clone();
    if (unknownAt >= 0 && known > 0 && size % known == 0) {
      out[unknownAt] = (int) (size / known);
      known = size;
    }
    if (known != size) {
      throw new ShapeMismatchException(
          describe()
              + ": cannot reshape inputs of shape "
              + Arrays.toString(inputShape)
              + " ("
              + size
              + " values) to "
              + Arrays.toString(targetShape));
    }
    return out;
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    int[] shape = inputs.shape();
    int[] out = outputShape(Arrays.copyOfRange(shape, 1, shape.length));
    int[] withBatch = new int[out.length + 1];
    withBatch[0] = shape[0];
    System.arraycopy(out, 0, withBatch, 1, out.length);
    return inputs.reshape(withBatch);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("target_shape", LayerConfig.list(targetShape));
  }

  static Reshape fromConfig(LayerConfig config) {
    int[] target = config.intsOrNull("target_shape");
    if (target == null) {
      throw new IllegalArgumentException("Reshape config: missing option 'target_shape'");
    }
    return new Reshape(target).withCommonOptions(config.values());
  }
}
