package dev.lamina.fused;

/** An Activation layer: the function applied to a copy of the input, its derivative in place. */
public final class ActivationStage implements Stage {
  private final int width;
  private final FusedActivation activation;

  public ActivationStage(int width, FusedActivation activation) {
    this.width = width;
    this.activation = activation;
  }

  @Override
  public int outWidth() {
    return width;
  }

  @Override
  public void forward(float[] in, float[] out, int rows) {
    System.arraycopy(in, 0, out, 0, rows * width);
    activation.forward(out, rows, width);
  }

  @Override
  public void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int rows) {
    if (gradIn != null) {
      activation.backward(out, gradOut, rows, width);
      System.arraycopy(gradOut, 0, gradIn, 0, rows * width);
    }
  }
}
