package dev.lamina.kernels;

import java.util.Arrays;

/**
 * Max and average pooling over channels-last images {@code (batch, height, width, channels)}, one
 * window per output pixel and channel. The innermost loops run along the channels, contiguous in
 * both input and output, so the JIT vectorizes them; images are split over the kernel threads.
 * Windows skip padding: a max ignores it and an average divides by the pixels inside the input, as
 * Keras (TensorFlow) does.
 */
public final class Pooling2d {
  private Pooling2d() {}

  /** output = the largest value of each window; NaN if the window holds one. */
  public static void maxForward(
      Window2d window, int batch, int channels, float[] input, float[] output) {
    pool(window, batch, channels, input, output, true);
  }

  /** output = the mean of each window's pixels inside the input. */
  public static void averageForward(
      Window2d window, int batch, int channels, float[] input, float[] output) {
    pool(window, batch, channels, input, output, false);
  }

  /**
   * inputGradient = each window's output gradient routed to the first pixel (in row-major window
   * order) that holds the window's maximum, as PyTorch and TensorFlow route it.
   */
  public static void maxBackward(
      Window2d window,
      int batch,
      int channels,
      float[] input,
      float[] output,
      float[] outputGradient,
      float[] inputGradient) {
    ImageParts.forEach(
        batch,
        window,
        (image, pixels) -> {
          int inStart = image * window.inPixels() * channels;
          Arrays.fill(inputGradient, inStart, inStart + window.inPixels() * channels, 0f);
          int out = image * window.outPixels() * channels;
          for (int oy = 0; oy < window.outHeight(); oy++) {
            for (int ox = 0; ox < window.outWidth(); ox++, out += channels) {
              window.windowPixels(oy, ox, pixels);
              for (int c = 0; c < channels; c++) {
                int at = firstMaximum(pixels, input, inStart, channels, c, output[out + c]);
                if (at >= 0) {
                  inputGradient[at] += outputGradient[out + c];
                }
              }
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
              float scale = 1f / window.windowPixels(oy, ox, pixels);
              for (int pixel : pixels) {
                if (pixel >= 0) {
                  int in = inStart + pixel * channels;
                  for (int c = 0; c < channels; c++) {
                    inputGradient[in + c] += outputGradient[out + c] * scale;
                  }
                }
              }
            }
          }
        });
  }

  private static void pool(
      Window2d window, int batch, int channels, float[] input, float[] output, boolean max) {
    ImageParts.forEach(
        batch,
        window,
        (image, pixels) -> {
          int inStart = image * window.inPixels() * channels;
          int out = image * window.outPixels() * channels;
          for (int oy = 0; oy < window.outHeight(); oy++) {
            for (int ox = 0; ox < window.outWidth(); ox++, out += channels) {
              int inside = window.windowPixels(oy, ox, pixels);
              Arrays.fill(output, out, out + channels, max ? Float.NEGATIVE_INFINITY : 0f);
              for (int pixel : pixels) {
                if (pixel < 0) {
                  continue;
                }
                int in = inStart + pixel * channels;
                if (max) {
                  for (int c = 0; c < channels; c++) {
                    output[out + c] = Math.max(output[out + c], input[in + c]);
                  }
                } else {
                  for (int c = 0; c < channels; c++) {
                    output[out + c] += input[in + c];
                  }
                }
              }
              if (!max) {
                float scale = 1f / inside;
                for (int c = 0; c < channels; c++) {
                  output[out + c] *= scale;
                }
              }
            }
          }
        });
  }

  private static int firstMaximum(
      int[] pixels, float[] input, int inStart, int channels, int c, float maximum) {
    for (int pixel : pixels) {
      if (pixel >= 0) {
        int at = inStart + pixel * channels + c;
        // a NaN maximum goes to the first NaN
        if (input[at] == maximum || (Float.isNaN(maximum) && Float.isNaN(input[at]))) {
          return at;
        }
      }
    }
    return -1;
  }
}
