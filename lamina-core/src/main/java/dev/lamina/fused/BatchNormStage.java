package dev.lamina.fused;

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
  private final double[] mean;
  private final double[] inverseStd;
  private final double[] sumGrad;
  private final double[] sumGradNormalized;

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
    this.gamma = gamma;
    this.beta = beta;
    this.gammaGrad = gammaGrad;
    this.betaGrad = betaGrad;
    this.movingMean = movingMean;
    this.movingVariance = movingVariance;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.normalized = new float[maxRows * width];
    this.mean = new double[width];
    this.inverseStd = new double[width];
    this.sumGrad = new double[width];
    this.sumGradNormalized = new double[width];
  }

  @Override
  public int outWidth() {
    return width;
  }

  @Override
  public void forward(float[] in, float[] out, int rows) {
    Arrays.fill(mean, 0);
    Arrays.fill(inverseStd, 0);
    for (int r = 0; r < rows; r++) {
      for (int j = 0, i = r * width; j < width; j++, i++) {
        mean[j] += in[i];
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] /= rows;
    }
    double[] variance = inverseStd;
    for (int r = 0; r < rows; r++) {
      for (int j = 0, i = r * width; j < width; j++, i++) {
        double d = in[i] - mean[j];
        variance[j] += d * d;
      }
    }
    for (int j = 0; j < width; j++) {
      double v = variance[j] / rows;
      movingMean[j] = (float) (movingMean[j] * momentum + (float) mean[j] * (1 - momentum));
      movingVariance[j] = (float) (movingVariance[j] * momentum + (float) v * (1 - momentum));
      inverseStd[j] = 1 / Math.sqrt(v + epsilon);
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0, i = r * width; j < width; j++, i++) {
        float x = (float) ((in[i] - mean[j]) * inverseStd[j]);
        normalized[i] = x;
        out[i] = (gamma == null ? x : x * gamma[j]) + (beta == null ? 0 : beta[j]);
      }
    }
  }

  @Override
  public void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int rows) {
    Arrays.fill(sumGrad, 0);
    Arrays.fill(sumGradNormalized, 0);
    for (int r = 0; r < rows; r++) {
      for (int j = 0, i = r * width; j < width; j++, i++) {
        sumGrad[j] += gradOut[i];
        sumGradNormalized[j] += gradOut[i] * normalized[i];
      }
    }
    for (int j = 0; j < width; j++) {
      if (gammaGrad != null) {
        gammaGrad[j] = (float) sumGradNormalized[j];
      }
      if (betaGrad != null) {
        betaGrad[j] = (float) sumGrad[j];
      }
    }
    if (gradIn == null) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0, i = r * width; j < width; j++, i++) {
        double scale = (gamma == null ? 1 : gamma[j]) * inverseStd[j] / rows;
        gradIn[i] =
            (float)
                (scale * (rows * gradOut[i] - sumGrad[j] - normalized[i] * sumGradNormalized[j]));
      }
    }
  }
}
