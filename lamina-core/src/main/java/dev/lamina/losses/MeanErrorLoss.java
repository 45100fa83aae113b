package dev.lamina.losses;

import dev.lamina.Tensor;

/**
 * What the mean absolute and mean squared errors share: without sample weights the batch's loss is
 * one fused operation ({@link #fused}); with weights, or targets of another type, it is the
 * composition of {@link #perSample} that {@link Loss#compute} reduces.
 */
abstract sealed class MeanErrorLoss implements Loss permits MeanAbsoluteError, MeanSquaredError {

  /** The batch's loss of aligned targets of the predictions' shape and type. */
  abstract Tensor fused(Tensor yTrue, Tensor yPred);

  @Override
  public final Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Tensor aligned = Targets.alignedTo(name(), yTrue, yPred);
    if (sampleWeight != null
        || yPred.rank() < 2
        || yPred.shape()[0] == 0
        || aligned.dtype() != yPred.dtype()) {
      return Loss.super.compute(yTrue, yPred, sampleWeight);
    }
    return fused(aligned, yPred);
  }
}
