package dev.lamina.kernels;

/**
 * Where a two-dimensional sliding window reads, for convolution and pooling over channels-last
 * images: the input's height and width, the window's size, strides and dilation, the padding before
 * the first row and column, and the output's height and width. Output pixel (oy, ox) reads input
 * row {@code oy·strideHeight − padTop + ky·dilationHeight} for window row ky (columns alike); rows
 * and columns outside the input are padding.
 */
public record Window2d(
    int height,
    int width,
    int kernelHeight,
    int kernelWidth,
    int strideHeight,
    int strideWidth,
    int dilationHeight,
    int dilationWidth,
    int padTop,
    int padLeft,
    int outHeight,
    int outWidth) {

  public Window2d {
    if (height <= 0
        || width <= 0
        || kernelHeight <= 0
        || kernelWidth <= 0
        || strideHeight <= 0
        || strideWidth <= 0
        || dilationHeight <= 0
        || dilationWidth <= 0
        || padTop < 0
        || padLeft < 0
        || outHeight <= 0
        || outWidth <= 0) {
      throw new IllegalArgumentException(
          "Window2d: sizes must be positive and padding non-negative, got input "
              + height
              + "×"
              + width
              + " window "
              + kernelHeight
              + "×"
              + kernelWidth
              + " strides "
              + strideHeight
              + "×"
              + strideWidth
              + " dilation "
              + dilationHeight
              + "×"
              + dilationWidth
              + " padding "
              + padTop
              + ","
              + padLeft
              + " output "
              + outHeight
              + "×"
              + outWidth);
    }
  }

  /**
   * The window with Keras's padding: {@code valid} keeps only windows wholly inside the input;
   * {@code same} gives ⌈size / stride⌉ outputs and pads the total needed, the odd one at the end
   * (bottom, right), as TensorFlow does. Throws when a valid window does not fit the input.
   */
  public static Window2d of(
      int height,
      int width,
      int kernelHeight,
      int kernelWidth,
      int strideHeight,
      int strideWidth,
      int dilationHeight,
      int dilationWidth,
      boolean samePadding) {
    int spanHeight = span(kernelHeight, dilationHeight);
    int spanWidth = span(kernelWidth, dilationWidth);
    if (samePadding) {
      int outHeight = ceilDiv(height, strideHeight);
      int outWidth = ceilDiv(width, strideWidth);
      int padHeight = Math.max((outHeight - 1) * strideHeight + spanHeight - height, 0);
      int padWidth = Math.max((outWidth - 1) * strideWidth + spanWidth - width, 0);
      return new Window2d(
          height,
          width,
          kernelHeight,
          kernelWidth,
          strideHeight,
          strideWidth,
          dilationHeight,
          dilationWidth,
          padHeight / 2,
          padWidth / 2,
          outHeight,
          outWidth);
    }
    if (spanHeight > height || spanWidth > width) {
      throw new IllegalArgumentException(
          "a window spanning "
              + spanHeight
              + "×"
              + spanWidth
              + " does not fit an input of "
              + height
              + "×"
              + width
              + " with valid padding");
    }
    return new Window2d(
        height,
        width,
        kernelHeight,
        kernelWidth,
        strideHeight,
        strideWidth,
        dilationHeight,
        dilationWidth,
        0,
        0,
        (height - spanHeight) / strideHeight + 1,
        (width - spanWidth) / strideWidth + 1);
  }

  /** Rows (or columns) a window of {@code size} with this dilation covers. */
  public static int span(int size, int dilation) {
    return (size - 1) * dilation + 1;
  }

  /** Window positions per output pixel. */
  public int windowSize() {
    return kernelHeight * kernelWidth;
  }

  /** Output pixels per image. */
  public int outPixels() {
    return outHeight * outWidth;
  }

  /** Input pixels per image. */
  public int inPixels() {
    return height * width;
  }

  /** The input row that window row {@code ky} of output row {@code oy} reads, or −1 in padding. */
  public int inputRow(int oy, int ky) {
    int y = oy * strideHeight - padTop + ky * dilationHeight;
    return y >= 0 && y < height ? y : -1;
  }

  /** The input column that window column {@code kx} of output column {@code ox} reads, or −1. */
  public int inputColumn(int ox, int kx) {
    int x = ox * strideWidth - padLeft + kx * dilationWidth;
    return x >= 0 && x < width ? x : -1;
  }

  /**
   * Writes where each input pixel inside the window of output pixel (oy, ox) starts, {@code first +
   * (y·width + x)·pixelLength}, in (ky, kx) order, skipping padding; returns how many. {@code
   * starts} holds at least {@link #windowSize()} entries. A window wholly inside the input (every
   * window of valid padding) needs no bounds work per pixel. Pooling's inner loops run along a
   * pixel's channels from these starts, so they are computed here in one pass: W6's max pooling
   * spent more time on a window's pixel numbers, then turned into starts, than on its maxima.
   */
  public int windowStarts(int oy, int ox, int first, int pixelLength, int[] starts) {
    int y0 = oy * strideHeight - padTop;
    int x0 = ox * strideWidth - padLeft;
    int columnStep = dilationWidth * pixelLength;
    if (y0 >= 0
        && x0 >= 0
        && y0 + span(kernelHeight, dilationHeight) <= height
        && x0 + span(kernelWidth, dilationWidth) <= width) {
      int at = 0;
      for (int ky = 0; ky < kernelHeight; ky++) {
        int start = first + ((y0 + ky * dilationHeight) * width + x0) * pixelLength;
        for (int kx = 0; kx < kernelWidth; kx++, start += columnStep) {
          starts[at++] = start;
        }
      }
      return at;
    }
    int count = 0;
    for (int ky = 0; ky < kernelHeight; ky++) {
      int y = y0 + ky * dilationHeight;
      if (y < 0 || y >= height) {
        continue;
      }
      for (int kx = 0; kx < kernelWidth; kx++) {
        int x = x0 + kx * dilationWidth;
        if (x >= 0 && x < width) {
          starts[count++] = first + (y * width + x) * pixelLength;
        }
      }
    }
    return count;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
