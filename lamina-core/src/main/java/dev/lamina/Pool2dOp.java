package dev.lamina;

import dev.lamina.kernels.PlainConvolution;
import dev.lamina.kernels.Pooling2d;
import dev.lamina.kernels.Window2d;
import java.util.Arrays;
import java.util.List;

/**
 * Max or average pooling over channels-last images as one recorded operation: float32 on {@link
 * Pooling2d}, float64 (gradient checks) on its definition ({@link PlainConvolution}). Max pooling
 * keeps where each maximum came from, so its backward pass routes the gradient in one pass. Inside
 * a workspace the output, those positions and the gradient reuse the previous step's arrays.
 */
final class Pool2dOp implements BackwardRule {
  private final Tensor x;
  private final Window2d window;
  private final boolean max;
  private final int batch;
  private final int channels;
  private final boolean inWorkspace;
  private final int[] argmax; // float32 max pooling only
  private final Tensor out;
  private final Tensor[] grad = new Tensor[1];
  private final List<Tensor> gradList = Arrays.asList(grad);

  private Pool2dOp(Tensor x, Window2d window, boolean max) {
    this.x = x;
    this.window = window;
    this.max = max;
    this.batch = x.shape[0];
    this.channels = x.shape[3];
    this.inWorkspace = Workspace.current() != null;
    int[] shape = outputShape(x, window);
    this.argmax = max && x.floats != null ? new int[batch * window.outPixels() * channels] : null;
    Tensor values = Storage.empty(x.dtype, shape);
    forward(values);
    this.out = GradFn.record(values, label(max), this, x);
  }

  /** The operation on checked images x. */
  static Tensor apply(Tensor x, Window2d window, boolean max) {
    // the same input tensor and window give the same output shape: nothing to compare
    Tensor hit = Workspace.reuse(label(max), x, null, null, window.hashCode(), null);
    if (hit != null) {
      ((Pool2dOp) Workspace.state()).forward(hit);
      return hit;
    }
    Pool2dOp op = new Pool2dOp(x, window, max);
    return Workspace.remember(op.out, op);
  }

  private static String label(boolean max) {
    return max ? "maxPool2d" : "averagePool2d";
  }

  private static int[] outputShape(Tensor x, Window2d window) {
    return new int[] {x.shape[0], window.outHeight(), window.outWidth(), x.shape[3]};
  }

  private void forward(Tensor values) {
    if (x.floats == null) {
      PlainConvolution.pool(max, window, batch, channels, x.doubles, values.doubles, null, null);
    } else if (max) {
      Pooling2d.maxForward(window, batch, channels, x.floats, values.floats, argmax);
    } else {
      Pooling2d.averageForward(window, batch, channels, x.floats, values.floats);
    }
  }

  @Override
  public List<Tensor> apply(Tensor outputGradient) {
    Tensor g = outputGradient.to(x.dtype);
    Tensor dx = Storage.reusable(inWorkspace, grad[0], x);
    if (x.floats == null) {
      Arrays.fill(dx.doubles, 0);
      PlainConvolution.pool(
          max, window, batch, channels, x.doubles, out.doubles, g.doubles, dx.doubles);
    } else if (max) {
      Pooling2d.maxBackward(window, batch, channels, argmax, g.floats, dx.floats);
    } else {
      Pooling2d.averageBackward(window, batch, channels, g.floats, dx.floats);
    }
    grad[0] = dx;
    return gradList;
  }
}
