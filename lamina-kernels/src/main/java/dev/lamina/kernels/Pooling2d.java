package dev.lamina.kernels;

import java.util.Arrays;

/**
 * Max and average pooling over channels-last images {@code (batch, height, width, channels)}, one
 * window per output pixel and channel. The innermost loops run along the channels, contiguous in
 * both input and output; images are split over the kernel threads. Windows skip padding: a max
 * ignores it and an average divides by the pixels inside the input, as Keras (TensorFlow) does.
 */
public final class Pooling2d {
  private Pooling2d() {}

  /**
   * output = the largest value of each window, NaN if the window holds one; {@code argmax} = the
   * index in {@code input} of the first pixel (in row-major window order) holding it, or −1 for a
   * window wholly in padding, so that the backward pass routes each gradient without searching.
   */
  public static void maxForward(
      Window2d window, int batch, int channels, float[] input, float[] output, int[] argmax) {
    ImageParts.forEach(
        batch,
        window,
        (image, pixels) -> {
          int inStart = image * window.inPixels() * channels;
          int out = image * window.outPixels() * channels;
          for (int oy = 0; oy < window.outHeight(); oy++) {
            for (int ox = 0; ox < window.outWidth(); ox++, out += channels) {
              int inside = window.windowStarts(oy, ox, inStart, channels, pixels);
              Kernels.get().windowMaximum(input, pixels, inside, output, argmax, out, channels);
            }
          }
        });
  }

  /** output = the mean of each window's pixels inside the input. */
  public static void averageForward(
      Window2d window, int batch, int channels, float[] input, float[] output) {
    ImageParts.forEach(
        batch,
        window,
        (image, pixels) -> {
          int inStart = image * window.inPixels() * channels;
          int out = image * window.outPixels() * channels;
          for (int oy = 0; oy < window.outHeight(); oy++) {
            for (int ox = 0; ox < window.outWidth(); ox++, out += channels) {
              int inside = window.windowStarts(oy, ox, inStart, channels, pixels);
              float scale = 1f / inside;
              Arrays.fill(output, out, out + channels, 0f);
              for (int k = 0; k < inside; k++) {
                int in = pixels[k];
                for (int c = 0; c < channels; c++) {
                  output[out + c] += input[in + c];
                }
              }
              for (int c = 0; c < channels; c++) {
                output[out + c] *= scale;
              }
            }
          }
        });
  }

  /**
   * inputGradient = each window's output gradient routed to the input element that {@link
   * #maxForward} chose, as PyTorch and TensorFlow route it (the first maximum).
   */
  public static void maxBackward(
      Window2d window,
      int batch,
      int channels,
      int[] argmax,
      float[] outputGradient,
      float[] inputGradient) {
    ImageParts.forEach(
        batch,
        window,
        (image, pixels) -> {
          int inStart = image * window.inPixels() * channels;
          Arrays.fill(inputGradient, inStart, inStart + window.inPixels() * channels, 0f);
          int end = (image + 1) * window.outPixels() * channels;
          for (int out = image * window.outPixels() * channels; out < end; out++) {
            if (argmax[out] >= 0) {
              inputGradient[argmax[out]] += outputGradient[out];
            }
          }
        });
  }

  /** inputGradient = each window's output gradient spread evenly over its pixels inside. */
  public static void averageBackward(
      Window2d window, int batch, int channels, float[] outputGradient, float[] inputGradient) {
    ImageParts.forEach(
        batch,
        window,
        (image, pixels) -> {
          int inStart = image * window.inPixels() * channels;
          Arrays.fill(inputGradient, inStart, inStart + window.inPixels() * channels, 0f);
          int out = image * window.outPixels() * channels;
          for (int oy = 0; oy < window.outHeight(); oy++) {
            for (int ox = 0; ox < window.outWidth(); ox++, out += channels) {
              int inside = window.windowStarts(oy, ox, inStart, channels, pixels);
              float scale = 1f / inside;
              for (int k = 0; k < inside; k++) {
                int in = pixels[k];
                for (int c = 0; c < channels; c++) {
                  inputGradient[in + c] += outputGradient[out + c] * scale;
                }
              }
            }
          }
        });
  }
}
