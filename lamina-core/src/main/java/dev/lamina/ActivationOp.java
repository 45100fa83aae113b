package dev.lamina;

import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.Pointwise;
import java.util.Arrays;
import java.util.List;

/**
 * A Keras activation applied elementwise as one recorded operation: the values in one array loop,
 * the derivative from the kept input and output. Checked against the composed Tensor version by
 * ActivationOpTest.
 */
final class ActivationOp implements BackwardRule {
  private final Tensor x;
  private final Pointwise activation;
  private final boolean inWorkspace;
  private final Tensor out;
  private final Tensor[] grad = new Tensor[1];
  private final List<Tensor> gradList = Arrays.asList(grad);

  private ActivationOp(Tensor x, Pointwise activation) {
    this.x = x;
    this.activation = activation;
    this.inWorkspace = Workspace.current() != null;
    Tensor values = Storage.emptyLike(x);
    forward(values);
    this.out = GradFn.record(values, activation.name().toLowerCase(java.util.Locale.ROOT), this, x);
  }

  @SuppressWarnings("EnumOrdinal") // the ordinal is the workspace's int key, stable in one run
  static Tensor apply(Tensor x, Pointwise activation) {
    if (activation == Pointwise.LINEAR) {
      return x;
    }
    Tensor hit = Workspace.reuse("activation", x, null, null, activation.ordinal(), null);
    if (hit != null) {
      ((ActivationOp) Workspace.state()).forward(hit);
      return hit;
    }
    ActivationOp op = new ActivationOp(x, activation);
    return Workspace.remember(op.out, op);
  }

  private void forward(Tensor values) {
    if (x.floats != null) {
      Kernels.get().pointwise(activation, x.floats, values.floats, x.floats.length);
    } else {
      Kernels.get().pointwise(activation, x.doubles, values.doubles, x.doubles.length);
    }
  }

  @Override
  public List<Tensor> apply(Tensor g) {
    Tensor gx = Storage.reusable(inWorkspace, grad[0], x);
    Tensor go = g.to(x.dtype);
    if (x.floats != null) {
      Kernels.get()
          .pointwiseBackward(
              activation, x.floats, out.floats, go.floats, gx.floats, x.floats.length);
    } else {
      Kernels.get()
          .pointwiseBackward(
              activation, x.doubles, out.doubles, go.doubles, gx.doubles, x.doubles.length);
    }
    grad[0] = gx;
    return gradList;
  }
}
