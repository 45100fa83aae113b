package dev.lamina;

/**
 * What a training step reuses from the step before: the workspace of its tensors and the input
 * tensors each batch is copied into ([0] full batches, [1] a shorter last one). A model keeps them
 * from one fit call to the next, so that a fit after a fit of the same shapes (the timed fit after
 * a warm-up, a loop that calls fit once per round) starts with the last step's arrays instead of
 * allocating them again: W6's convnet allocated 58 MB at the start of every fit, most of it
 * promoted to the old generation by the young collections that followed.
 */
final class StepBuffers {
  final Workspace workspace = new Workspace();
  private final StepInputs[] inputs = new StepInputs[2];

  /** The input tensors of a step of this variant for a batch shaped and typed like these. */
  StepInputs inputs(int variant, Tensor x, Tensor y, Tensor weights, int rows) {
    if (inputs[variant] == null || !inputs[variant].fits(x, y, weights, rows)) {
      inputs[variant] = new StepInputs(x, y, weights, rows);
    }
    return inputs[variant];
  }
}
