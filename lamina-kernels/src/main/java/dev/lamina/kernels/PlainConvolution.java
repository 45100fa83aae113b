package dev.lamina.kernels;

import java.util.Arrays;

/**
 * Convolution and pooling in float64 by their definitions, one output element at a time: the
 * reference the fast float kernels ({@link Conv2d}, {@link Pooling2d}) are tested against, and the
 * float64 path that gradient checks run on. Same layouts and window rules as those kernels.
 */
public final class PlainConvolution {
  private PlainConvolution() {}

  /** output[b, oy, ox, f] = Σ over the window of input·kernel. */
  public static void forward(
      Window2d w,
      int batch,
      int channels,
      int filters,
      double[] input,
      double[] kernel,
      double[] output) {
    for (int b = 0; b < batch; b++) {
      for (int oy = 0; oy < w.outHeight(); oy++) {
        for (int ox = 0; ox < w.outWidth(); ox++) {
          for (int f = 0; f < filters; f++) {
            double total = 0;
            for (int ky = 0; ky < w.kernelHeight(); ky++) {
              for (int kx = 0; kx < w.kernelWidth(); kx++) {
                int pixel = pixel(w, b, oy, ox, ky, kx);
                for (int c = 0; c < channels && pixel >= 0; c++) {
                  total +=
                      input[pixel * channels + c]
                          * kernel[((ky * w.kernelWidth() + kx) * channels + c) * filters + f];
                }
              }
            }
            output[((b * w.outHeight() + oy) * w.outWidth() + ox) * filters + f] = total;
          }
        }
      }
    }
  }

  /**
   * The gradients of Σ forward·outputGradient with respect to the input and the kernel, written to
   * {@code inputGradient} and {@code kernelGradient}.
   */
  public static void backward(
      Window2d w,
      int batch,
      int channels,
      int filters,
      double[] input,
      double[] kernel,
      double[] outputGradient,
      double[] inputGradient,
      double[] kernelGradient) {
    Arrays.fill(inputGradient, 0, batch * w.inPixels() * channels, 0);
    Arrays.fill(kernelGradient, 0, w.windowSize() * channels * filters, 0);
    for (int b = 0; b < batch; b++) {
      for (int oy = 0; oy < w.outHeight(); oy++) {
        for (int ox = 0; ox < w.outWidth(); ox++) {
          int out = ((b * w.outHeight() + oy) * w.outWidth() + ox) * filters;
          for (int ky = 0; ky < w.kernelHeight(); ky++) {
            for (int kx = 0; kx < w.kernelWidth(); kx++) {
              int pixel = pixel(w, b, oy, ox, ky, kx);
              for (int c = 0; c < channels && pixel >= 0; c++) {
                for (int f = 0; f < filters; f++) {
                  int weight = ((ky * w.kernelWidth() + kx) * channels + c) * filters + f;
                  inputGradient[pixel * channels + c] += outputGradient[out + f] * kernel[weight];
                  kernelGradient[weight] += input[pixel * channels + c] * outputGradient[out + f];
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Max pooling (when {@code max}) or average pooling forward; with {@code outputGradient} not
   * null, instead adds the backward pass of that pooling into {@code inputGradient} (which must
   * start at zero), given the forward's {@code output}.
   */
  public static void pool(
      boolean max,
      Window2d w,
      int batch,
      int channels,
      double[] input,
      double[] output,
      double[] outputGradient,
      double[] inputGradient) {
    for (int b = 0; b < batch; b++) {
      for (int oy = 0; oy < w.outHeight(); oy++) {
        for (int ox = 0; ox < w.outWidth(); ox++) {
          int out = ((b * w.outHeight() + oy) * w.outWidth() + ox) * channels;
          int count = 0;
          for (int ky = 0; ky < w.kernelHeight(); ky++) {
            for (int kx = 0; kx < w.kernelWidth(); kx++) {
              count += pixel(w, b, oy, ox, ky, kx) >= 0 ? 1 : 0;
            }
          }
          for (int c = 0; c < channels; c++) {
            double value = max ? Double.NEGATIVE_INFINITY : 0;
            boolean routed = false;
            for (int ky = 0; ky < w.kernelHeight(); ky++) {
              for (int kx = 0; kx < w.kernelWidth(); kx++) {
                int pixel = pixel(w, b, oy, ox, ky, kx);
                if (pixel < 0) {
                  continue;
                }
                int at = pixel * channels + c;
                if (outputGradient == null) {
                  value = max ? Math.max(value, input[at]) : value + input[at];
                } else if (!max) {
                  inputGradient[at] += outputGradient[out + c] / count;
                } else if (!routed && input[at] == output[out + c]) {
                  inputGradient[at] += outputGradient[out + c];
                  routed = true;
                }
              }
            }
            if (outputGradient == null) {
              output[out + c] = max ? value : value / count;
            }
          }
        }
      }
    }
  }

  /** The flat pixel index (image b) that window (ky, kx) of output (oy, ox) reads, or −1. */
  private static int pixel(Window2d w, int b, int oy, int ox, int ky, int kx) {
    int y = oy * w.strideHeight() - w.padTop() + ky * w.dilationHeight();
    int x = ox * w.strideWidth() - w.padLeft() + kx * w.dilationWidth();
    boolean inside = y >= 0 && y < w.height() && x >= 0 && x < w.width();
    return inside ? (b * w.height() + y) * w.width() + x : -1;
  }
}
