package dev.lamina.layers;

/**
 * Keras's two-dimensional convolution over {@code (batch, height, width, channels)}: kernel {@code
 * (kh, kw, channels, filters)}, output {@code (batch, outHeight, outWidth, filters)}.
 */
public final class Conv2D extends ConvolutionLayer<Conv2D> {

  /** A square kernel of {@code kernelSize}×{@code kernelSize}, linear, valid, stride 1. */
  public Conv2D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  public Conv2D(int filters, int kernelSize, String activation) {
    this(filters, new int[] {kernelSize}, activation);
  }

  /** A kernel of {@code kernelSize[0]}×{@code kernelSize[1]} (or one size for both). */
  public Conv2D(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  public Conv2D(int filters, int[] kernelSize, String activation) {
    this(filters, kernelSize);
    activation(activation);
  }

  @Override
  public String className() {
    return "Conv2D";
  }

  static Conv2D fromConfig(LayerConfig config) {
    return new Conv2D(config.integer("filters"), config.ints("kernel_size"))
        .withConvolutionOptions(config);
  }
}
