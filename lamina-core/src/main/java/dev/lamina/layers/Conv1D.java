package dev.lamina.layers;

/**
 * Keras's one-dimensional convolution over {@code (batch, steps, channels)}: kernel {@code (k,
 * channels, filters)}, output {@code (batch, outSteps, filters)}. Causal padding is not offered.
 */
public final class Conv1D extends ConvolutionLayer<Conv1D> {

  public Conv1D(int filters, int kernelSize) {
    super(1, filters, new int[] {kernelSize});
  }

  public Conv1D(int filters, int kernelSize, String activation) {
    this(filters, kernelSize);
    activation(activation);
  }

  @Override
  public String className() {
    return "Conv1D";
  }

  static Conv1D fromConfig(LayerConfig config) {
    int[] kernelSize = config.ints("kernel_size");
    if (kernelSize.length != 1) {
      throw new IllegalArgumentException(
          "Conv1D config: kernel_size must be a list of one integer, got "
              + config.values().get("kernel_size"));
    }
    return new Conv1D(config.integer("filters"), kernelSize[0]).withConvolutionOptions(config);
  }
}
