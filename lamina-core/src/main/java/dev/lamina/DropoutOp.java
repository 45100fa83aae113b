package dev.lamina;

import dev.lamina.kernels.Kernels;
import java.util.Arrays;
import java.util.List;

/**
 * Inverted dropout as one recorded operation: {@code x / keep · mask} with a Bernoulli(keep) mask
 * drawn by the kernels' SplitMix64 mask stream, and the gradient {@code g · mask / keep}, in the
 * same float operations as the composition {@code x.div(keep).mul(mask)} it replaces.
 */
final class DropoutOp implements BackwardRule {
  private final Tensor x;
  private final double keep;
  private final boolean inWorkspace;
  private final float[] mask;
  private final Tensor out;
  private final Tensor[] grad = new Tensor[1];
  private final List<Tensor> gradList = Arrays.asList(grad);

  private DropoutOp(Tensor x, double keep, long stream) {
    this.x = x;
    this.keep = keep;
    this.inWorkspace = Workspace.current() != null;
    this.mask = new float[(int) x.size()];
    Tensor values = Storage.emptyLike(x);
    forward(stream, values);
    this.out = GradFn.record(values, "dropout", this, x);
  }

  /**
   * @param stream the SplitMix64 state the mask is drawn from; the caller advances its own stream
   *     by {@link Kernels#maskWords} of x's size
   */
  static Tensor apply(Tensor x, double keep, long stream) {
    Tensor hit = Workspace.reuse("dropout", x, null, null, Double.doubleToLongBits(keep), null);
    if (hit != null) {
      ((DropoutOp) Workspace.state()).forward(stream, hit);
      return hit;
    }
    DropoutOp op = new DropoutOp(x, keep, stream);
    return Workspace.remember(op.out, op);
  }

  private void forward(long stream, Tensor values) {
    int n = mask.length;
    Kernels.get().bernoulliMask(stream, keep, mask, 0, n);
    if (x.floats != null) {
      Kernels.get().divideThenMultiply(x.floats, 0, (float) keep, mask, 0, values.floats, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        values.doubles[i] = x.doubles[i] / keep * mask[i];
      }
    }
  }

  @Override
  public List<Tensor> apply(Tensor g) {
    Tensor gx = Storage.reusable(inWorkspace, grad[0], x);
    Tensor go = g.to(x.dtype);
    int n = mask.length;
    if (x.floats != null) {
      Kernels.get().multiplyThenDivide(go.floats, 0, mask, 0, (float) keep, gx.floats, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        gx.doubles[i] = go.doubles[i] * mask[i] / keep;
      }
    }
    grad[0] = gx;
    return gradList;
  }
}
