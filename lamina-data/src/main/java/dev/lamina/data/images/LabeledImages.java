package dev.lamina.data.images;

import dev.lamina.Tensor;
import java.util.List;

/**
 * Images with their class: {@code images} is float32 {@code (n, height, width, channels)} and
 * {@code labels} float32 {@code (n, 1)} holding each image's class index into {@code classNames}.
 */
public record LabeledImages(Tensor images, Tensor labels, List<String> classNames) {
  public LabeledImages {
    if (images.rank() != 4 || labels.rank() != 2 || images.shape()[0] != labels.shape()[0]) {
      throw new IllegalArgumentException(
          "LabeledImages: expected images (n, height, width, channels) and labels (n, 1), got "
              + java.util.Arrays.toString(images.shape())
              + " and "
              + java.util.Arrays.toString(labels.shape()));
    }
    classNames = List.copyOf(classNames);
  }

  /** The number of images. */
  public int size() {
    return images.shape()[0];
  }
}
