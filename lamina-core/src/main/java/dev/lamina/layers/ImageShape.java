package dev.lamina.layers;

import dev.lamina.ShapeMismatchException;
import java.util.Arrays;

/** The check that image layers share: inputs of {@code (batch, height, width, channels)}. */
final class ImageShape {
  private ImageShape() {}

  /** The per-sample shape, unchanged, after checking it has three axes; names the layer if not. */
  static int[] require(String layer, int[] inputShape) {
    if (inputShape.length != 3) {
      throw new ShapeMismatchException(
          layer
              + ": expected inputs of rank 4 (batch, height, width, channels), got input "
              + "shape "
              + Arrays.toString(inputShape)
              + " without the batch axis");
    }
    return inputShape.clone();
  }
}
