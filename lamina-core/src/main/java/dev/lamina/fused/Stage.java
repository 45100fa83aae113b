package dev.lamina.fused;

/**
 * One layer of a fused training step over row-major batches of at most the plan's batch size.
 * Backward receives the gradient of the loss with respect to this stage's output (which it may
 * overwrite) and writes the weight gradients into its own arrays.
 */
public interface Stage {

  /** Features per output row. */
  int outWidth();

  /** Training-mode forward: {@code out} (rows × outWidth) from {@code in}. */
  void forward(float[] in, float[] out, int rows);

  /**
   * Weight gradients from {@code gradOut}, and {@code gradIn} (rows × input width) unless it is
   * null (the first stage, whose input needs no gradient).
   *
   * @param in the input forward saw
   * @param out the output forward wrote
   */
  void backward(float[] in, float[] out, float[] gradOut, float[] gradIn, int rows);
}
