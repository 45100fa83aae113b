package dev.lamina;

import java.util.Arrays;
import java.util.List;

/**
 * Keras's mean absolute or mean squared error of a batch without sample weights, as one recorded
 * operation: Σ|ŷ − y| (or Σ(ŷ − y)²) over every element, divided by the batch size and the last
 * axis's length, which is the mean over the last axis summed over the batch and divided by the
 * batch size. The composition it replaces ({@code y.sub(ŷ).abs().mean(-1).sum().div(n)}) records
 * five operations a step, each with its temporary and backward rule: most of a tiny model's step
 * (W4). The sum is kept in double, so it does not depend on the batch's order of elements being
 * split.
 */
final class MeanErrorOp implements SelectiveRule {
  private static final int[] SCALAR = {};

  private final Tensor yTrue;
  private final Tensor yPred;
  private final boolean squared;
  private final double divisor;
  private final boolean inWorkspace;
  private final Tensor[] grads = new Tensor[2];
  private final List<Tensor> gradList = Arrays.asList(grads);
  private Tensor predGradient;
  private Tensor trueGradient;

  private MeanErrorOp(Tensor yTrue, Tensor yPred, boolean squared) {
    this.yTrue = yTrue;
    this.yPred = yPred;
    this.squared = squared;
    this.divisor = (double) yPred.shape[0] * yPred.shape[yPred.shape.length - 1];
    this.inWorkspace = Workspace.current() != null;
  }

  /** The loss of predictions against targets of the same shape and type, rank 2 or more. */
  static Tensor apply(Tensor yTrue, Tensor yPred, boolean squared) {
    if (!yTrue.hasSameShape(yPred) || yTrue.dtype != yPred.dtype || yPred.shape.length < 2) {
      throw new IllegalArgumentException(
          (squared ? "mean squared error" : "mean absolute error")
              + ": targets "
              + Arrays.toString(yTrue.shape)
              + " "
              + yTrue.dtype
              + " must have the predictions' shape and type, rank 2 or more: "
              + Arrays.toString(yPred.shape)
              + " "
              + yPred.dtype);
    }
    Tensor hit = Workspace.reuse("meanError", yTrue, yPred, null, squared ? 1 : 0, null);
    if (hit != null) {
      ((MeanErrorOp) Workspace.state()).forward(hit);
      return hit;
    }
    MeanErrorOp op = new MeanErrorOp(yTrue, yPred, squared);
    Tensor out = Storage.empty(yPred.dtype, SCALAR);
    op.forward(out);
    String label = squared ? "meanSquaredError" : "meanAbsoluteError";
    return Workspace.remember(GradFn.record(out, label, op, yTrue, yPred), op);
  }

  private void forward(Tensor out) {
    double total = 0;
    if (yPred.floats != null) {
      float[] t = yTrue.floats;
      float[] p = yPred.floats;
      for (int i = 0; i < p.length; i++) {
        float d = p[i] - t[i];
        total += squared ? d * d : Math.abs(d);
      }
      out.floats[0] = (float) (total / divisor);
    } else {
      double[] t = yTrue.doubles;
      double[] p = yPred.doubles;
      for (int i = 0; i < p.length; i++) {
        double d = p[i] - t[i];
        total += squared ? d * d : Math.abs(d);
      }
      out.doubles[0] = total / divisor;
    }
  }

  /**
   * d/dŷ = g·sign(ŷ − y)/divisor (0 where they are equal, as the composition's abs), or 2g·(ŷ −
   * y)/divisor; d/dy is its negative.
   */
  @Override
  public List<Tensor> apply(Tensor g, long wanted) {
    boolean wantTrue = (wanted & 1) != 0;
    boolean wantPred = (wanted & 2) != 0;
    if (wantPred || wantTrue) {
      predGradient = Storage.reusable(inWorkspace, predGradient, yPred);
      predictionGradient(g.item() / divisor * (squared ? 2 : 1), predGradient);
    }
    if (wantTrue) {
      trueGradient = Storage.reusable(inWorkspace, trueGradient, yTrue);
      negate(predGradient, trueGradient);
    }
    grads[0] = wantTrue ? trueGradient : null;
    grads[1] = wantPred ? predGradient : null;
    return gradList;
  }

  private void predictionGradient(double scale, Tensor into) {
    if (yPred.floats != null) {
      float s = (float) scale;
      float[] t = yTrue.floats;
      float[] p = yPred.floats;
      for (int i = 0; i < p.length; i++) {
        float d = p[i] - t[i];
        into.floats[i] = s * (squared ? d : Math.signum(d));
      }
    } else {
      double[] t = yTrue.doubles;
      double[] p = yPred.doubles;
      for (int i = 0; i < p.length; i++) {
        double d = p[i] - t[i];
        into.doubles[i] = scale * (squared ? d : Math.signum(d));
      }
    }
  }

  private static void negate(Tensor from, Tensor into) {
    if (from.floats != null) {
      for (int i = 0; i < from.floats.length; i++) {
        into.floats[i] = -from.floats[i];
      }
    } else {
      for (int i = 0; i < from.doubles.length; i++) {
        into.doubles[i] = -from.doubles[i];
      }
    }
  }
}
