package dev.lamina;

import dev.lamina.kernels.Pointwise;
import dev.lamina.kernels.Window2d;
import java.util.Arrays;

/**
 * Differentiable convolution and pooling over channels-last images {@code (batch, height, width,
 * channels)}: the arguments checked here, the operations in {@link Conv2dOp} and {@link Pool2dOp}.
 */
public final class Convolutions {
  private Convolutions() {}

  /**
   * The convolution of {@code input} (batch, height, width, channels) with {@code kernel}, whose
   * elements are in Keras's (kh, kw, channels, filters) order whatever its shape, plus {@code bias}
   * (filters) unless it is null, through the Keras activation {@code activation} (null is linear):
   * the result is (batch, outHeight, outWidth, filters). Adding the bias and applying an
   * elementwise activation here spares a broadcast over every output pixel, its reduction backwards
   * and a separate activation pass; softmax follows as its own operation.
   */
  public static Tensor conv2d(
      Tensor input, Tensor kernel, Tensor bias, Window2d window, int filters, String activation) {
    Tensor x = Elementwise.promoted(input, kernel);
    Tensor k = Elementwise.promoted(kernel, input);
    checkImages("conv2d", x, window);
    int channels = x.shape[3];
    if (k.size() != (long) window.windowSize() * channels * filters) {
      throw new ShapeMismatchException(
          "conv2d: a "
              + window.kernelHeight()
              + "×"
              + window.kernelWidth()
              + " kernel from "
              + channels
              + " channels to "
              + filters
              + " filters needs "
              + window.windowSize() * channels * filters
              + " weights, got shape "
              + Arrays.toString(k.shape)
              + " for input "
              + Arrays.toString(x.shape));
    }
    if (bias != null && (bias.rank() != 1 || bias.shape[0] != filters)) {
      throw ShapeMismatchException.of(
          "conv2d",
          "expected a bias of [" + filters + "] for the kernel, got shapes",
          bias.shape,
          k.shape);
    }
    Tensor b = bias == null ? null : bias.to(x.dtype);
    Pointwise pointwise = Pointwise.named(activation);
    if (pointwise != null) {
      return Conv2dOp.apply(x, k, b, window, filters, pointwise);
    }
    return NeuralOps.activation(
        Conv2dOp.apply(x, k, b, window, filters, Pointwise.LINEAR), activation);
  }

  /** The largest value of each window, per channel; the gradient goes to the first maximum. */
  public static Tensor maxPool2d(Tensor input, Window2d window) {
    return pool2d(input, window, true);
  }

  /** The mean of each window's pixels inside the input, per channel. */
  public static Tensor averagePool2d(Tensor input, Window2d window) {
    return pool2d(input, window, false);
  }

  private static Tensor pool2d(Tensor x, Window2d window, boolean max) {
    checkImages(max ? "maxPool2d" : "averagePool2d", x, window);
    return Pool2dOp.apply(x, window, max);
  }

  /** Checks that {@code x} is a batch of images the window was made for. */
  private static void checkImages(String op, Tensor x, Window2d window) {
    if (x.rank() != 4 || x.shape[1] != window.height() || x.shape[2] != window.width()) {
      throw new ShapeMismatchException(
          op
              + ": expected images of shape [batch, "
              + window.height()
              + ", "
              + window.width()
              + ", channels], got "
              + Arrays.toString(x.shape));
    }
  }
}
