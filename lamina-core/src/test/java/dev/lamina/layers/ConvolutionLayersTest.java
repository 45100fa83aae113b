package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.Sequential;
import dev.lamina.ShapeMismatchException;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import org.junit.jupiter.api.Test;

/** Keras's shapes, parameter counts, summary and errors for the convolution and pooling layers. */
class ConvolutionLayersTest {

  @Test
  void simpleMnistConvnetSummaryMatchesKeras() {
    // keras.io "Simple MNIST convnet"
    Sequential model =
        new Sequential(
            new Conv2D(32, 3, "relu").inputShape(28, 28, 1),
            new MaxPooling2D(2),
            new Conv2D(64, 3, "relu"),
            new MaxPooling2D(2),
            new Flatten(),
            new Dropout(0.5),
            new Dense(10, "softmax"));
    assertEquals(
        """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ flatten (Flatten)               │ (None, 1600)           │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dropout (Dropout)               │ (None, 1600)           │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense (Dense)                   │ (None, 10)             │        16,010 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 34,826 (136.04 KB)
         Trainable params: 34,826 (136.04 KB)
         Non-trainable params: 0 (0.00 B)
        """,
        model.summary());
    assertEquals(34_826, model.countParams());
  }

  @Test
  void samePaddingWithStridesGivesTheCeilingOfSizeOverStride() {
    Conv2D conv = new Conv2D(5, new int[] {3, 2}, "tanh").strides(2).padding("same");
    assertArrayEquals(new int[] {4, 3, 5}, conv.outputShape(new int[] {7, 5, 2}));
    assertArrayEquals(
        new int[] {3, 4, 6},
        new AveragePooling2D(2).padding("same").outputShape(new int[] {5, 7, 6}));
    assertArrayEquals(
        new int[] {2, 6}, new Conv1D(6, 5, "relu").strides(2).outputShape(new int[] {8, 3}));
  }

  @Test
  void aKernelLargerThanItsInputWithValidPaddingNamesLayerAndShapes() {
    Conv2D conv = new Conv2D(4, 5).name("edges");
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> conv.outputShape(new int[] {3, 8, 1}));
    assertEquals(
        "Conv2D 'edges': kernel [5, 5] (dilation [1, 1]) is larger than its input of shape "
            + "[3, 8, 1] with valid padding; use padding 'same' or a smaller kernel",
        e.getMessage());
    MaxPooling2D pool = new MaxPooling2D(3).name("pool");
    e = assertThrows(ShapeMismatchException.class, () -> pool.outputShape(new int[] {2, 2, 4}));
    assertEquals(
        "MaxPooling2D 'pool': pool size [3, 3] is larger than its input of shape [2, 2, 4] with "
            + "valid padding",
        e.getMessage());
  }

  @Test
  void wrongRankOrChannelsNameTheLayerAndShape() {
    Conv2D conv = new Conv2D(2, 3).name("c");
    ShapeMismatchException rank =
        assertThrows(ShapeMismatchException.class, () -> conv.outputShape(new int[] {28, 28}));
    assertEquals(
        "Conv2D 'c': expected inputs of rank 4 (batch, height, width, channels), got input shape "
            + "[28, 28] without the batch axis",
        rank.getMessage());
    conv.build(new int[] {6, 6, 3}, new SeededRandom(1));
    ShapeMismatchException channels =
        assertThrows(
            ShapeMismatchException.class,
            () -> conv.call(Tensor.zeros(2, 6, 6, 1), Phase.INFERENCE));
    assertEquals(
        "Conv2D 'c': expected 3 input channels (as built), got input shape [6, 6, 1]",
        channels.getMessage());
  }

  @Test
  void badOptionsAreRejectedWithTheirRange() {
    IllegalArgumentException padding =
        assertThrows(IllegalArgumentException.class, () -> new Conv2D(2, 3).padding("causal"));
    assertEquals("Conv2D: padding must be 'valid' or 'same', got 'causal'", padding.getMessage());
    IllegalArgumentException size =
        assertThrows(IllegalArgumentException.class, () -> new Conv2D(2, new int[] {3, 3, 3}));
    assertEquals(
        "Conv2D: kernelSize must be one positive integer or 2 of them, got [3, 3, 3]",
        size.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(2, 3).strides(2).dilationRate(2));
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3));
  }
}
