package dev.lamina.fused;

import dev.lamina.kernels.Kernels;

/**
 * Dense forward as one GEMM, the bias added and the activation applied in place; backward turns
 * the output gradient into the pre-activation gradient in place, then column sums give the bias
 * gradient and two transposed GEMMs the kernel and input gradients.
 */
public final class DenseStage implements Stage {
  private final int inWidth;
  private final int units;
  private final float[] kernel;
  private final float[] bias;
  private final float[] kernelGrad;
  private final float[] biasGrad;
  private final FusedActivation activation;

  /**
   * @param kernel the layer's (inWidth × units) weights, read in place
   * @param bias the layer's bias, or null
   * @param kernelGrad where backward writes the kernel gradient (same length as kernel)
   * @param biasGrad where backward writes the bias gradient, or null without a bias
   */
  public DenseStage(
      int inWidth,
      int units,
      float[] kernel,
      float[] bias,
      float[] kernelGrad,
      float[] biasGrad,
      FusedActivation activation) {
    this.inWidth = inWidth;
    this.units = units;
    this.kernel = kernel;
    this.bias = bias;
    this.kernelGrad = kernelGrad;
    this.biasGrad = biasGrad;
    this.activation = activation;
  }

  @Override
  public int outWidth() {
    return units;
  }

  @Override
  public void forward(float[] in, float[] out, int rows) {
    Kernels k = Kernels.get();
    k.gemm(false, false, rows, units, inWidth, in, 0, kernel, 0, out, 0, false);
    if (bias != null) {
      k.addRow(out, 0, bias, 0, out, 0, rows, units);
    }
    activation.forward(out, rows, units);
  }

  @Override
  public void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int rows) {
    Kernels k = Kernels.get();
    activation.backward(out, gradOut, rows, units);
    k.gemm(true, false, inWidth, units, rows, in, 0, gradOut, 0, kernelGrad, 0, false);
    if (biasGrad != null) {
      k.sumColumns(gradOut, 0, rows, units, biasGrad, 0);
    }
    if (gradIn != null) {
      k.gemm(false, true, rows, inWidth, units, gradOut, 0, kernel, 0, gradIn, 0, false);
    }
  }
}
