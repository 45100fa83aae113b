package dev.lamina;

import dev.lamina.kernels.Pointwise;
import java.util.List;

/**
 * activation(x·kernel + bias) for rows x as one recorded operation. Forward is one GEMM, the bias
 * added to each row and the activation applied in place; backward turns the output gradient into
 * the pre-activation gradient, then column sums give the bias gradient and two transposed GEMMs the
 * kernel and input gradients, each only when asked for. Checked against its composition {@code
 * act(x.matmul(kernel).add(bias))} by DenseOpTest.
 */
final class DenseOp implements SelectiveRule {
  private final Tensor x;
  private final Tensor kernel;
  private final Tensor bias;
  private final Pointwise activation;
  private final boolean inWorkspace;
  private final Tensor preActivation; // null when the derivative needs the output only
  private final Tensor out;
  private final KernelBiasGradients gradients;

  private DenseOp(Tensor x, Tensor kernel, Tensor bias, Pointwise activation) {
    this.x = x;
    this.kernel = kernel;
    this.bias = bias;
    this.activation = activation;
    this.inWorkspace = Workspace.current() != null;
    int[] shape = {x.shape[0], kernel.shape[1]};
    this.preActivation = activation.needsInput() ? Storage.empty(x.dtype, shape) : null;
    Tensor values = Storage.empty(x.dtype, shape);
    forward(values);
    this.out =
        bias == null
            ? GradFn.record(values, "dense", this, x, kernel)
            : GradFn.record(values, "dense", this, x, kernel, bias);
    this.gradients = new KernelBiasGradients(x, kernel, bias, out, inWorkspace);
  }

  /** The operation on rank-2 x of x's type, kernel (features × units) and bias (units) or null. */
  @SuppressWarnings("EnumOrdinal") // the ordinal is the workspace's int key, stable in one run
  static Tensor apply(Tensor x, Tensor kernel, Tensor bias, Pointwise activation) {
    Tensor hit = Workspace.reuse("dense", x, kernel, bias, activation.ordinal(), null);
    if (hit != null) {
      ((DenseOp) Workspace.state()).forward(hit);
      return hit;
    }
    DenseOp op = new DenseOp(x, kernel, bias, activation);
    return Workspace.remember(op.out, op);
  }

  private void forward(Tensor values) {
    int rows = x.shape[0];
    int in = x.shape[1];
    int units = kernel.shape[1];
    Tensor linear = preActivation != null ? preActivation : values;
    MatMul.multiply(false, false, rows, units, in, x, kernel, linear);
    BiasActivation.forward(linear, bias, activation, values, rows, units);
  }

  @Override
  public List<Tensor> apply(Tensor g, long wanted) {
    int rows = x.shape[0];
    int in = x.shape[1];
    int units = kernel.shape[1];
    Tensor gz = gradients.preActivation(activation, preActivation, g);
    if ((wanted & 1) != 0) {
      MatMul.multiply(false, true, rows, in, units, gz, kernel, gradients.input());
    }
    if ((wanted & 2) != 0) {
      MatMul.multiply(true, false, in, units, rows, x, gz, gradients.kernel());
    }
    gradients.bias(wanted, rows, units);
    return gradients.result();
  }
}
