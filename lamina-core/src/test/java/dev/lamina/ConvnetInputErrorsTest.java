package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.layers.Conv2D;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Flatten;
import dev.lamina.layers.MaxPooling2D;
import dev.lamina.losses.SparseCategoricalCrossentropy;
import dev.lamina.optimizers.Adam;
import org.junit.jupiter.api.Test;

/**
 * A convnet given images it was not made for gets a typed error naming the model or layer and both
 * shapes, before any arithmetic: images of another size or channel count, and a kernel that no
 * longer fits once pooling has shrunk the image.
 */
class ConvnetInputErrorsTest {

  private static Sequential convnet() {
    Sequential model =
        new Sequential(
                new Conv2D(4, 3, "relu").inputShape(12, 12, 1),
                new MaxPooling2D(2),
                new Flatten(),
                new Dense(3, "softmax"))
            .name("digits");
    model.compile(new Adam(), new SparseCategoricalCrossentropy());
    return model;
  }

  @Test
  void imagesOfAnotherSizeNameTheModelAndBothShapes() {
    ShapeMismatchException e =
        assertThrows(
            ShapeMismatchException.class, () -> convnet().predict(Tensor.zeros(2, 14, 12, 1)));
    assertEquals(
        "Sequential.predict: model digits expects input of shape (None, 12, 12, 1), got [2, 14, 12, 1]",
        e.getMessage());
  }

  @Test
  void imagesWithAnotherChannelCountNameTheModelAndBothShapes() {
    ShapeMismatchException e =
        assertThrows(
            ShapeMismatchException.class,
            () ->
                convnet()
                    .fit(
                        Tensor.zeros(4, 12, 12, 3),
                        Tensor.zeros(4),
                        new FitOptions().epochs(1).verbose(0)));
    assertEquals(
        "Sequential.fit: model digits expects input of shape (None, 12, 12, 1), got [4, 12, 12, 3]",
        e.getMessage());
  }

  @Test
  void aKernelLargerThanThePooledImageNamesTheLayerAndShapes() {
    Sequential model =
        new Sequential(new Conv2D(4, 3), new MaxPooling2D(2), new Conv2D(2, 5).name("late"));
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> model.build(8, 8, 1));
    assertEquals(
        "Conv2D 'late': kernel [5, 5] (dilation [1, 1]) is larger than its input of shape "
            + "[3, 3, 4] with valid padding; use padding 'same' or a smaller kernel",
        e.getMessage());
  }
}
