package dev.lamina.losses;

import dev.lamina.NeuralOps;
import dev.lamina.Tensor;

/** mean(|y − ŷ|) over the last axis. */
public final class MeanAbsoluteError extends MeanErrorLoss {

  @Override
  public String name() {
    return "mean_absolute_error";
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    return Targets.alignedTo(name(), yTrue, yPred).sub(yPred).abs().mean(-1);
  }

  @Override
  Tensor fused(Tensor yTrue, Tensor yPred) {
    return NeuralOps.meanAbsoluteError(yTrue, yPred);
  }
}
