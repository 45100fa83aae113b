package dev.lamina;

import dev.lamina.kernels.Kernels;
import java.util.Arrays;
import java.util.List;

/**
 * {@code factor · Σw²} (Keras's L2 penalty) as one recorded operation: the sum of squares in one
 * pass, and the gradient {@code 2·factor·g·w} in one more, where the composition {@code
 * w.square().sum().mul(factor)} it replaces makes four passes and three temporaries.
 */
final class SquaredNormOp implements BackwardRule {
  private static final int[] SCALAR = {};

  private final Tensor w;
  private final double factor;
  private final boolean inWorkspace;
  private final Tensor[] grad = new Tensor[1];
  private final List<Tensor> gradList = Arrays.asList(grad);

  private SquaredNormOp(Tensor w, double factor) {
    this.w = w;
    this.factor = factor;
    this.inWorkspace = Workspace.current() != null;
  }

  static Tensor apply(Tensor w, double factor) {
    Tensor hit =
        Workspace.reuse("squaredNorm", w, null, null, Double.doubleToLongBits(factor), null);
    if (hit != null) {
      ((SquaredNormOp) Workspace.state()).forward(hit);
      return hit;
    }
    SquaredNormOp op = new SquaredNormOp(w, factor);
    Tensor out = Storage.empty(w.dtype, SCALAR);
    op.forward(out);
    return Workspace.remember(GradFn.record(out, "squaredNorm", op, w), op);
  }

  private void forward(Tensor out) {
    if (w.floats != null) {
      float sum = Kernels.get().dot(w.floats, 0, w.floats, 0, w.floats.length);
      out.floats[0] = (float) factor * sum;
    } else {
      double sum = 0;
      for (double v : w.doubles) {
        sum += v * v;
      }
      out.doubles[0] = factor * sum;
    }
  }

  @Override
  public List<Tensor> apply(Tensor g) {
    Tensor gw = Storage.reusable(inWorkspace, grad[0], w);
    if (w.floats != null) {
      // the composition's roundings: (g·factor) once, then its double (exact) times each w
      float scaled = (float) g.item() * (float) factor;
      Kernels.get().scale(scaled + scaled, w.floats, 0, gw.floats, 0, w.floats.length);
    } else {
      double scaled = 2 * g.item() * factor;
      for (int i = 0; i < w.doubles.length; i++) {
        gw.doubles[i] = scaled * w.doubles[i];
      }
    }
    grad[0] = gw;
    return gradList;
  }
}
