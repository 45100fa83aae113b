package dev.lamina.fused;

import dev.lamina.initializers.SeededRandom;

/**
 * Inverted dropout while training, drawing its mask from the layer's own stream exactly as the
 * layer does, so the fused and the autograd path drop the same units.
 */
public final class DropoutStage implements Stage {
  private final int width;
  private final double keep;
  private final SeededRandom masks;
  private final float[] mask;

  /** @param maxRows the largest batch the plan runs */
  public DropoutStage(int width, double rate, SeededRandom masks, int maxRows) {
    this.width = width;
    this.keep = 1 - rate;
    this.masks = masks;
    this.mask = new float[maxRows * width];
  }

  @Override
  public int outWidth() {
    return width;
  }

  @Override
  public void forward(float[] in, float[] out, int rows) {
    int n = rows * width;
    if (keep == 1) {
      System.arraycopy(in, 0, out, 0, n);
      return;
    }
    masks.fillBernoulli(keep, mask, n);
    float divisor = (float) keep;
    for (int i = 0; i < n; i++) {
      out[i] = in[i] / divisor * mask[i];
    }
  }

  @Override
  public void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int rows) {
    if (gradIn == null) {
      return;
    }
    int n = rows * width;
    if (keep == 1) {
      System.arraycopy(gradOut, 0, gradIn, 0, n);
      return;
    }
    float divisor = (float) keep;
    for (int i = 0; i < n; i++) {
      gradIn[i] = gradOut[i] * mask[i] / divisor;
    }
  }
}
