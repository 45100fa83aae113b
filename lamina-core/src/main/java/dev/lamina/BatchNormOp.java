package dev.lamina;

import dev.lamina.kernels.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training-mode batch normalization of rows as one recorded operation: normalizes each column with
 * the batch's mean and biased variance, then scales by γ and shifts by β. Backward is the closed
 * form {@code dx = γ·σ⁻¹/n · (n·dy − Σdy − x̂·Σ(dy·x̂))}, {@code dγ = Σ(dy·x̂)}, {@code dβ = Σdy},
 * on the kernels' column operations in float32. Checked against the composition by
 * FusedOpGradientTest.
 */
final class BatchNormOp implements SelectiveRule {
  private final Tensor x;
  private final Tensor gamma; // null: scale 1
  private final Tensor beta; // null: shift 0
  private final double epsilon;
  private final boolean inWorkspace;
  private final int rows;
  private final int cols;
  private final Tensor mean;
  private final Tensor variance;
  private final Tensor normalized;
  private final double[] inverseStd;
  private final Tensor sumGrad;
  private final Tensor sumGradNormalized;
  private final float[] inverseStd32;
  private final float[] factor32;
  private final float[] gamma32;
  private final float[] beta32;
  private final Tensor out;
  private final Tensor[] grads;
  private final List<Tensor> gradList;
  private Tensor inputGrad;
  private Tensor gammaGrad;
  private Tensor betaGrad;

  private BatchNormOp(Tensor x, Tensor gamma, Tensor beta, double epsilon) {
    this.x = x;
    this.gamma = gamma;
    this.beta = beta;
    this.epsilon = epsilon;
    this.inWorkspace = Workspace.current() != null;
    this.rows = x.shape[0];
    this.cols = x.shape[1];
    int[] columns = {cols};
    this.mean = Storage.empty(x.dtype, columns);
    this.variance = Storage.empty(x.dtype, columns);
    this.normalized = Storage.emptyLike(x);
    this.inverseStd = new double[cols];
    this.sumGrad = Storage.empty(x.dtype, columns);
    this.sumGradNormalized = Storage.empty(x.dtype, columns);
    this.inverseStd32 = new float[cols];
    this.factor32 = new float[cols];
    this.gamma32 = gamma != null && gamma.floats != null ? gamma.floats : ones(cols);
    this.beta32 = beta != null && beta.floats != null ? beta.floats : new float[cols];
    List<Tensor> inputs = new ArrayList<>(List.of(x));
    if (gamma != null) {
      inputs.add(gamma);
    }
    if (beta != null) {
      inputs.add(beta);
    }
    this.grads = new Tensor[inputs.size()];
    this.gradList = Arrays.asList(grads);
    Tensor values = Storage.emptyLike(x);
    forward(values);
    this.out = GradFn.record(values, "batch_normalization", this, inputs.toArray(new Tensor[0]));
  }

  /**
   * The normalized rows; {@code statistics[0]} and {@code [1]} receive the batch's mean and biased
   * variance (tensors of this operation, overwritten by its next run in a workspace).
   */
  static Tensor apply(Tensor x, Tensor gamma, Tensor beta, double epsilon, Tensor[] statistics) {
    Tensor hit =
        Workspace.reuse(
            "batch_normalization", x, gamma, beta, Double.doubleToLongBits(epsilon), null);
    BatchNormOp op;
    if (hit != null) {
      op = (BatchNormOp) Workspace.state();
      op.forward(hit);
    } else {
      op = new BatchNormOp(x, gamma, beta, epsilon);
      Workspace.remember(op.out, op);
    }
    statistics[0] = op.mean;
    statistics[1] = op.variance;
    return op.out;
  }

  private void forward(Tensor values) {
    if (x.floats != null) {
      forwardFloat(values.floats);
    } else {
      forwardDouble(values.doubles);
    }
  }

  private void forwardFloat(float[] values) {
    Kernels k = Kernels.get();
    float[] m = mean.floats;
    float[] v = variance.floats;
    k.sumColumns(x.floats, 0, rows, cols, m, 0);
    for (int j = 0; j < cols; j++) {
      m[j] /= rows;
    }
    k.sumSquaredDeviations(x.floats, rows, cols, m, v);
    for (int j = 0; j < cols; j++) {
      v[j] /= rows;
      inverseStd[j] = 1 / Math.sqrt(v[j] + epsilon);
      inverseStd32[j] = (float) inverseStd[j];
    }
    k.batchNormForward(
        x.floats, rows, cols, m, inverseStd32, gamma32, beta32, normalized.floats, values);
  }

  private void forwardDouble(double[] values) {
    double[] m = mean.doubles;
    double[] v = variance.doubles;
    Arrays.fill(m, 0);
    Arrays.fill(v, 0);
    for (int i = 0; i < rows * cols; i++) {
      m[i % cols] += x.doubles[i];
    }
    for (int j = 0; j < cols; j++) {
      m[j] /= rows;
    }
    for (int i = 0; i < rows * cols; i++) {
      double d = x.doubles[i] - m[i % cols];
      v[i % cols] += d * d;
    }
    for (int j = 0; j < cols; j++) {
      v[j] /= rows;
      inverseStd[j] = 1 / Math.sqrt(v[j] + epsilon);
    }
    for (int i = 0; i < rows * cols; i++) {
      int j = i % cols;
      double n = (x.doubles[i] - m[j]) * inverseStd[j];
      normalized.doubles[i] = n;
      values[i] = n * (gamma == null ? 1 : gamma.doubles[j]) + (beta == null ? 0 : beta.doubles[j]);
    }
  }

  @Override
  public List<Tensor> apply(Tensor g, long wanted) {
    Tensor dy = g.to(x.dtype);
    columnSums(dy);
    Arrays.fill(grads, null);
    int next = 1;
    if (gamma != null) {
      if ((wanted & (1L << next)) != 0) {
        grads[next] = gammaGrad = Storage.reusable(inWorkspace, gammaGrad, gamma);
        copy(sumGradNormalized, gammaGrad);
      }
      next++;
    }
    if (beta != null && (wanted & (1L << next)) != 0) {
      grads[next] = betaGrad = Storage.reusable(inWorkspace, betaGrad, beta);
      copy(sumGrad, betaGrad);
    }
    if ((wanted & 1) != 0) {
      grads[0] = inputGrad = Storage.reusable(inWorkspace, inputGrad, x);
      inputGradient(dy, inputGrad);
    }
    return gradList;
  }

  private void columnSums(Tensor dy) {
    if (dy.floats != null) {
      Kernels.get().sumColumns(dy.floats, 0, rows, cols, sumGrad.floats, 0);
      Kernels.get()
          .sumColumnProducts(dy.floats, normalized.floats, rows, cols, sumGradNormalized.floats);
      return;
    }
    Arrays.fill(sumGrad.doubles, 0);
    Arrays.fill(sumGradNormalized.doubles, 0);
    for (int i = 0; i < rows * cols; i++) {
      sumGrad.doubles[i % cols] += dy.doubles[i];
      sumGradNormalized.doubles[i % cols] += dy.doubles[i] * normalized.doubles[i];
    }
  }

  private void inputGradient(Tensor dy, Tensor dx) {
    if (dy.floats != null) {
      for (int j = 0; j < cols; j++) {
        factor32[j] = gamma32[j] * inverseStd32[j] / rows;
      }
      Kernels.get()
          .batchNormBackward(
              dy.floats,
              normalized.floats,
              rows,
              cols,
              factor32,
              sumGrad.floats,
              sumGradNormalized.floats,
              dx.floats);
      return;
    }
    for (int i = 0; i < rows * cols; i++) {
      int j = i % cols;
      double factor = (gamma == null ? 1 : gamma.doubles[j]) * inverseStd[j] / rows;
      dx.doubles[i] =
          factor
              * (rows * dy.doubles[i]
                  - sumGrad.doubles[j]
                  - normalized.doubles[i] * sumGradNormalized.doubles[j]);
    }
  }

  private static void copy(Tensor from, Tensor to) {
    System.arraycopy(
        from.floats != null ? from.floats : from.doubles,
        0,
        to.floats != null ? to.floats : to.doubles,
        0,
        (int) to.size());
  }

  private static float[] ones(int n) {
    float[] values = new float[n];
    Arrays.fill(values, 1f);
    return values;
  }
}
