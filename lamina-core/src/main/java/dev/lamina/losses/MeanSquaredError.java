package dev.lamina.losses;

import dev.lamina.NeuralOps;
import dev.lamina.Tensor;

/** mean((y − ŷ)²) over the last axis. */
public final class MeanSquaredError extends MeanErrorLoss {

  @Override
  public String name() {
    return "mean_squared_error";
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    return Targets.alignedTo(name(), yTrue, yPred).sub(yPred).square().mean(-1);
  }

  @Override
  Tensor fused(Tensor yTrue, Tensor yPred) {
    return NeuralOps.meanSquaredError(yTrue, yPred);
  }
}
