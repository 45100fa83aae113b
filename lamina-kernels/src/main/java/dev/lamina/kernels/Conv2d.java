package dev.lamina.kernels;

import java.util.Arrays;

/**
 * Two-dimensional convolution over channels-last images as im2col and the packed GEMM. Input {@code
 * (batch, height, width, channels)}, kernel {@code (kh, kw, channels, filters)} as Keras stores it,
 * output {@code (batch, outHeight, outWidth, filters)}. One row of the column matrix holds the
 * window of one output pixel in the kernel's (ky, kx, channel) order, so the kernel is already the
 * right-hand matrix and the product is the output in channels-last order.
 *
 * <p>The batch is processed in chunks of whole images whose columns fill at most {@link
 * #CHUNK_FLOATS} floats of the caller's scratch, so the columns stay in cache between writing and
 * multiplying; copying an image's windows is split over the kernel threads by image, and the
 * products split themselves. Chunks depend only on the shapes, so a kernel gradient accumulated
 * chunk by chunk sums in the same order whatever the thread count. Nothing is allocated here.
 */
public final class Conv2d {
  /** The most floats of columns one chunk writes (2 MiB): about a core's share of L2 and L3. */
  static final int CHUNK_FLOATS = 1 << 19;

  private Conv2d() {}

  /** The floats of scratch the three operations need for these shapes. */
  public static int scratchLength(Window2d window, int batch, int channels) {
    int row = window.windowSize() * channels;
    return Math.multiplyExact(imagesPerChunk(window, batch, channels) * window.outPixels(), row);
  }

  /** output = conv(input, kernel). */
  public static void forward(
      Window2d window,
      int batch,
      int channels,
      int filters,
      float[] input,
      float[] kernel,
      float[] output,
      float[] scratch) {
    int depth = window.windowSize() * channels;
    int chunk = imagesPerChunk(window, batch, channels);
    for (int first = 0; first < batch; first += chunk) {
      int images = Math.min(chunk, batch - first);
      toColumns(window, channels, input, first, images, scratch);
      int rows = images * window.outPixels();
      Kernels.get()
          .gemm(
              false,
              false,
              rows,
              filters,
              depth,
              scratch,
              0,
              kernel,
              0,
              output,
              first * window.outPixels() * filters,
              false);
    }
  }

  /** inputGradient = the gradient of Σ conv(input, kernel)·outputGradient with respect to input. */
  public static void inputGradient(
      Window2d window,
      int batch,
      int channels,
      int filters,
      float[] outputGradient,
      float[] kernel,
      float[] inputGradient,
      float[] scratch) {
    int depth = window.windowSize() * channels;
    int chunk = imagesPerChunk(window, batch, channels);
    for (int first = 0; first < batch; first += chunk) {
      int images = Math.min(chunk, batch - first);
      int rows = images * window.outPixels();
      Kernels.get()
          .gemm(
              false,
              true,
              rows,
              depth,
              filters,
              outputGradient,
              first * window.outPixels() * filters,
              kernel,
              0,
              scratch,
              0,
              false);
      fromColumns(window, channels, scratch, first, images, inputGradient);
    }
  }

  /** kernelGradient = the gradient of Σ conv(input, kernel)·outputGradient w.r.t. the kernel. */
  public static void kernelGradient(
      Window2d window,
      int batch,
      int channels,
      int filters,
      float[] input,
      float[] outputGradient,
      float[] kernelGradient,
      float[] scratch) {
    int depth = window.windowSize() * channels;
    int chunk = imagesPerChunk(window, batch, channels);
    for (int first = 0; first < batch; first += chunk) {
      int images = Math.min(chunk, batch - first);
      toColumns(window, channels, input, first, images, scratch);
      int rows = images * window.outPixels();
      Kernels.get()
          .gemm(
              true,
              false,
              depth,
              filters,
              rows,
              scratch,
              0,
              outputGradient,
              first * window.outPixels() * filters,
              kernelGradient,
              0,
              first > 0);
    }
    if (batch == 0) {
      Arrays.fill(kernelGradient, 0, depth * filters, 0f);
    }
  }

  private static int imagesPerChunk(Window2d window, int batch, int channels) {
    long perImage = (long) window.outPixels() * window.windowSize() * channels;
    return (int) Math.max(1, Math.min(Math.max(batch, 1), CHUNK_FLOATS / perImage));
  }

  /** Writes the windows of images [first, first + images) as rows of columns, padding as 0. */
  private static void toColumns(
      Window2d w, int channels, float[] input, int first, int images, float[] columns) {
    int windowRow = w.kernelWidth() * channels;
    ImageParts.forEach(
        images,
        w,
        (i, pixels) -> {
          int imageStart = (first + i) * w.inPixels() * channels;
          int at = i * w.outPixels() * w.windowSize() * channels;
          for (int oy = 0; oy < w.outHeight(); oy++) {
            for (int ox = 0; ox < w.outWidth(); ox++) {
              for (int ky = 0; ky < w.kernelHeight(); ky++, at += windowRow) {
                int y = w.inputRow(oy, ky);
                if (y < 0) {
                  Arrays.fill(columns, at, at + windowRow, 0f);
                  continue;
                }
                int rowStart = imageStart + y * w.width() * channels;
                for (int kx = 0, to = at; kx < w.kernelWidth(); ) {
                  int x = w.inputColumn(ox, kx);
                  // with no dilation a window row's pixels inside the input are contiguous there
                  int run = w.dilationWidth() == 1 && x >= 0 ? insideRun(w, x, kx) : 1;
                  int length = run * channels;
                  if (x >= 0) {
                    copy(input, rowStart + x * channels, columns, to, length);
                  } else {
                    Arrays.fill(columns, to, to + length, 0f);
                  }
                  to += length;
                  kx += run;
                }
              }
            }
          }
        });
  }

  /** Adds each column row back onto the input pixels its window read (im2col's transpose). */
  private static void fromColumns(
      Window2d w, int channels, float[] columns, int first, int images, float[] gradient) {
    int windowRow = w.kernelWidth() * channels;
    ImageParts.forEach(
        images,
        w,
        (i, pixels) -> {
          int imageStart = (first + i) * w.inPixels() * channels;
          Arrays.fill(gradient, imageStart, imageStart + w.inPixels() * channels, 0f);
          int at = i * w.outPixels() * w.windowSize() * channels;
          for (int oy = 0; oy < w.outHeight(); oy++) {
            for (int ox = 0; ox < w.outWidth(); ox++) {
              for (int ky = 0; ky < w.kernelHeight(); ky++, at += windowRow) {
                int y = w.inputRow(oy, ky);
                if (y < 0) {
                  continue;
                }
                int rowStart = imageStart + y * w.width() * channels;
                for (int kx = 0, from = at; kx < w.kernelWidth(); ) {
                  int x = w.inputColumn(ox, kx);
                  int run = w.dilationWidth() == 1 && x >= 0 ? insideRun(w, x, kx) : 1;
                  int length = run * channels;
                  if (x >= 0) {
                    int to = rowStart + x * channels;
                    Kernels.get().add(gradient, to, columns, from, gradient, to, length);
                  }
                  from += length;
                  kx += run;
                }
              }
            }
          }
        });
  }

  /** How many window columns from kx on, starting at input column x, lie inside the input. */
  private static int insideRun(Window2d w, int x, int kx) {
    return Math.min(w.kernelWidth() - kx, w.width() - x);
  }

  /**
   * Copies one window row: 3 floats for a 3×3 window on grey images, where System.arraycopy's
   * set-up costs more than a loop (4.6 against 11 ns; even at 16 floats), a few vectors with
   * channels, where the loop is not vectorized (96 floats: 45 ns against 11, Zen 4, JDK 17).
   */
  private static void copy(float[] from, int at, float[] to, int into, int length) {
    if (length >= 16) {
      System.arraycopy(from, at, to, into, length);
      return;
    }
    for (int j = 0; j < length; j++) {
      to[into + j] = from[at + j];
    }
  }
}
