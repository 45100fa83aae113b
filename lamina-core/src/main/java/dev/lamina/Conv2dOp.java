package dev.lamina;

import dev.lamina.kernels.Conv2d;
import dev.lamina.kernels.PlainConvolution;
import dev.lamina.kernels.Pointwise;
import dev.lamina.kernels.Window2d;
import java.util.List;

/**
 * activation(conv(x, kernel) + bias) over channels-last images as one recorded operation: float32
 * on im2col and the packed GEMM ({@link Conv2d}), float64 (gradient checks) on its definition
 * ({@link PlainConvolution}). Backward turns the output gradient into the pre-activation gradient,
 * then computes the input, kernel and bias gradients each only when asked for: a network's first
 * convolution reads data and needs no input gradient. Inside a workspace the output and the
 * gradients reuse the previous step's arrays. Checked against its composition by
 * FusedOpGradientTest.
 */
final class Conv2dOp implements SelectiveRule {
  /**
   * The im2col columns, one buffer per thread grown to the largest convolution it has run: the
   * forward pass and both gradients each fill it before they read it, so it is never kept between
   * calls and training allocates no columns in the steady state.
   */
  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

  private final Tensor x;
  private final Tensor kernel;
  private final Tensor bias;
  private final Window2d window;
  private final int batch;
  private final int channels;
  private final int filters;
  private final Pointwise activation;
  private final boolean inWorkspace;
  private final Tensor preActivation; // null when the derivative needs the output only
  private final Tensor out;
  private final KernelBiasGradients gradients;

  private Conv2dOp(
      Tensor x, Tensor kernel, Tensor bias, Window2d window, int filters, Pointwise activation) {
    this.x = x;
    this.kernel = kernel;
    this.bias = bias;
    this.window = window;
    this.batch = x.shape[0];
    this.channels = x.shape[3];
    this.filters = filters;
    this.activation = activation;
    this.inWorkspace = Workspace.current() != null;
    int[] shape = outputShape(x, window, filters);
    this.preActivation = activation.needsInput() ? Storage.empty(x.dtype, shape) : null;
    Tensor values = Storage.empty(x.dtype, shape);
    forward(values);
    this.out =
        bias == null
            ? GradFn.record(values, "conv2d", this, x, kernel)
            : GradFn.record(values, "conv2d", this, x, kernel, bias);
    this.gradients = new KernelBiasGradients(x, kernel, bias, out, inWorkspace);
  }

  /** The operation on checked images x, a kernel of x's type and a bias (filters) or null. */
  @SuppressWarnings("EnumOrdinal") // the ordinal is part of the workspace's key, stable in one run
  static Tensor apply(
      Tensor x, Tensor kernel, Tensor bias, Window2d window, int filters, Pointwise activation) {
    // the same input tensors and window give the same output shape: nothing to compare
    long key = 31L * window.hashCode() + activation.ordinal();
    Tensor hit = Workspace.reuse("conv2d", x, kernel, bias, key, null);
    if (hit != null) {
      ((Conv2dOp) Workspace.state()).forward(hit);
      return hit;
    }
    Conv2dOp op = new Conv2dOp(x, kernel, bias, window, filters, activation);
    return Workspace.remember(op.out, op);
  }

  private static int[] outputShape(Tensor x, Window2d window, int filters) {
    return new int[] {x.shape[0], window.outHeight(), window.outWidth(), filters};
  }

  private int rows() {
    return batch * window.outPixels();
  }

  private void forward(Tensor values) {
    Tensor linear = preActivation != null ? preActivation : values;
    if (x.floats != null) {
      Conv2d.forward(
          window, batch, channels, filters, x.floats, kernel.floats, linear.floats, scratch());
    } else {
      PlainConvolution.forward(
          window, batch, channels, filters, x.doubles, kernel.doubles, linear.doubles);
    }
    BiasActivation.forward(linear, bias, activation, values, rows(), filters);
  }

  @Override
  public List<Tensor> apply(Tensor outputGradient, long wanted) {
    Tensor g = gradients.preActivation(activation, preActivation, outputGradient);
    Tensor dx = (wanted & 1) != 0 ? gradients.input() : null;
    Tensor dk = (wanted & 2) != 0 ? gradients.kernel() : null;
    if (x.floats != null) {
      if (dk != null) {
        Conv2d.kernelGradient(
            window, batch, channels, filters, x.floats, g.floats, dk.floats, scratch());
      }
      if (dx != null) {
        Conv2d.inputGradient(
            window, batch, channels, filters, g.floats, kernel.floats, dx.floats, scratch());
      }
    } else {
      // the float64 definition computes both at once; a gradient not asked for is dropped
      PlainConvolution.backward(
          window,
          batch,
          channels,
          filters,
          x.doubles,
          kernel.doubles,
          g.doubles,
          dx != null ? dx.doubles : new double[x.doubles.length],
          dk != null ? dk.doubles : new double[kernel.doubles.length]);
    }
    gradients.bias(wanted, rows(), filters);
    return gradients.result();
  }

  private float[] scratch() {
    int length = Conv2d.scratchLength(window, batch, channels, filters);
    float[] scratch = SCRATCH.get();
    if (scratch.length < length) {
      scratch = new float[length];
      SCRATCH.set(scratch);
    }
    return scratch;
  }
}
