package dev.lamina.fused;

import dev.lamina.kernels.Kernels;
import java.util.Arrays;

/**
 * Training-mode batch normalization over the feature axis: normalizes with the batch's mean and
 * biased variance, moves the moving statistics towards them, and keeps the normalized values and
 * the inverse standard deviations for backward's closed form
 * {@code dx = γ·σ⁻¹/n · (n·dy − Σdy − x̂·Σ(dy·x̂))}.
 */
public final class BatchNormStage implements Stage {
  private final int width;
  private final float[] gamma;
  private final float[] beta;
  private final float[] gammaGrad;
  private final float[] betaGrad;
  private final float[] movingMean;
  private final float[] movingVariance;
  private final double momentum;
  private final double epsilon;
  private final float[] normalized;
  private final float[] mean;
  private final float[] variance;
  private final float[] inverseStd;
  private final float[] factor;
  private final float[] sumGrad;
  private final float[] sumGradNormalized;

  /**
   * @param gamma the scale, or null (then gammaGrad is null too)
   * @param beta the offset, or null (then betaGrad is null too)
   */
  public BatchNormStage(
      int width,
      float[] gamma,
      float[] beta,
      float[] gammaGrad,
      float[] betaGrad,
      float[] movingMean,
      float[] movingVariance,
      double momentum,
      double epsilon,
      int maxRows) {
    this.width = width;
    this.gamma = gamma != null ? gamma : filled(width, 1f);
    this.beta = beta != null ? beta : filled(width, 0f);
    this.gammaGrad = gammaGrad;
    this.betaGrad = betaGrad;
    this.movingMean = movingMean;
    this.movingVariance = movingVariance;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.normalized = new float[maxRows * width];
    this.mean = new float[width];
    this.variance = new float[width];
    this.inverseStd = new float[width];
    this.factor = new float[width];
    this.sumGrad = new float[width];
    this.sumGradNormalized = new float[width];
  }

  private static float[] filled(int width, float value) {
    float[] values = new float[width];
    Arrays.fill(values, value);
    return values;
  }

  @Override
  public int outWidth() {
    return width;
  }

  @Override
  public void forward(float[] in, float[] out, int rows) {
    Kernels k = Kernels.get();
    k.sumColumns(in, 0, rows, width, mean, 0);
    for (int j = 0; j < width; j++) {
      mean[j] /= rows;
    }
    k.sumSquaredDeviations(in, rows, width, mean, variance);
    for (int j = 0; j < width; j++) {
      float v = variance[j] / rows;
      movingMean[j] = (float) (movingMean[j] * momentum + mean[j] * (1 - momentum));
      movingVariance[j] = (float) (movingVariance[j] * momentum + v * (1 - momentum));
      inverseStd[j] = (float) (1 / Math.sqrt(v + epsilon));
    }
    k.batchNormForward(in, rows, width, mean, inverseStd, gamma, beta, normalized, out);
  }

  @Override
  public void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int rows) {
    Kernels k = Kernels.get();
    k.sumColumns(gradOut, 0, rows, width, sumGrad, 0);
    k.sumColumnProducts(gradOut, normalized, rows, width, sumGradNormalized);
    if (gammaGrad != null) {
      System.arraycopy(sumGradNormalized, 0, gammaGrad, 0, width);
    }
    if (betaGrad != null) {
      System.arraycopy(sumGrad, 0, betaGrad, 0, width);
    }
    if (gradIn == null) {
      return;
    }
    for (int j = 0; j < width; j++) {
      factor[j] = gamma[j] * inverseStd[j] / rows;
    }
    k.batchNormBackward(
        gradOut, normalized, rows, width, factor, sumGrad, sumGradNormalized, gradIn);
  }
}
