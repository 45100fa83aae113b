package dev.lamina;

import dev.lamina.kernels.Pointwise;

/**
 * The fused operations built-in layers are made of: each one recorded operation with its forward
 * and backward side by side, checked against the composition of Tensor operations it replaces.
 * Custom layers may call them too; anything they do can also be written with Tensor operations.
 */
public final class NeuralOps {
  private NeuralOps() {}

  /**
   * The Keras activation {@code name} applied to x: elementwise ones as one operation, softmax and
   * log_softmax over the last axis as compositions. Null is linear.
   *
   * @throws IllegalArgumentException naming the valid names for an unknown one
   */
  public static Tensor activation(Tensor x, String name) {
    Pointwise pointwise = Pointwise.named(name);
    if (pointwise != null) {
      return ActivationOp.apply(x, pointwise);
    }
    return switch (name) {
      case "softmax" -> x.softmax(-1);
      case "log_softmax" -> x.logSoftmax(-1);
      default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
    };
  }

  /** Whether {@link #activation} knows {@code name}. */
  public static boolean isActivation(String name) {
    return Pointwise.named(name) != null || "softmax".equals(name) || "log_softmax".equals(name);
  }

  /**
   * {@code activation(x·kernel + bias)} over the last axis of x, as Keras's Dense computes it: one
   * operation for rank-2 x and an elementwise activation, the composition otherwise.
   *
   * @param bias the (units) bias, or null for none
   */
  public static Tensor dense(Tensor x, Tensor kernel, Tensor bias, String activation) {
    Tensor rows = x.rank() == 2 ? x : x.reshape(-1, x.shape[x.rank() - 1]);
    Pointwise pointwise = Pointwise.named(activation);
    Tensor in = Elementwise.promoted(rows, kernel);
    boolean sameTypes = in.dtype == kernel.dtype && (bias == null || bias.dtype == kernel.dtype);
    Tensor linear;
    if (pointwise != null
        && sameTypes
        && x.rank() == 2
        && kernel.rank() == 2
        && in.shape[1] == kernel.shape[0]
        && (bias == null || (bias.rank() == 1 && bias.shape[0] == kernel.shape[1]))) {
      return DenseOp.apply(in, kernel, bias, pointwise);
    }
    linear = rows.matmul(kernel);
    if (bias != null) {
      linear = linear.add(bias);
    }
    if (x.rank() != 2) {
      int[] outShape = x.shape.clone();
      outShape[outShape.length - 1] = kernel.shape[kernel.rank() - 1];
      linear = linear.reshape(outShape);
    }
    return activation(linear, activation == null ? "linear" : activation);
  }

  /**
   * Inverted dropout while training: each element kept with probability {@code keep} and divided by
   * it, the mask drawn from the SplitMix64 stream at {@code stream} (the kernels' Bernoulli mask,
   * two draws per word); the caller moves its stream past {@code Kernels.maskWords(size)} words.
   */
  public static Tensor dropout(Tensor x, double keep, long stream) {
    return DropoutOp.apply(x, keep, stream);
  }

  /**
   * Batch normalization in training mode over rows x: each column normalized with the batch's mean
   * and biased variance, scaled by gamma and shifted by beta (either may be null), as one
   * operation; {@code statistics[0]} and {@code [1]} receive the batch mean and variance.
   */
  public static Tensor batchNormalization(
      Tensor x, Tensor gamma, Tensor beta, double epsilon, Tensor[] statistics) {
    return BatchNormOp.apply(x, gamma, beta, epsilon, statistics);
  }

  /** {@code factor · Σw²}, Keras's L2 penalty, as one operation with a one-pass gradient. */
  public static Tensor squaredNorm(Tensor w, double factor) {
    return SquaredNormOp.apply(w, factor);
  }

  /**
   * Keras's mean absolute error of a batch without sample weights, {@code mean(|y − ŷ|, axis=-1)}
   * summed over the batch and divided by its size, as one operation; targets must have the
   * predictions' shape (rank 2 or more) and type.
   */
  public static Tensor meanAbsoluteError(Tensor yTrue, Tensor yPred) {
    return MeanErrorOp.apply(yTrue, yPred, false);
  }

  /** As {@link #meanAbsoluteError}, for the mean squared error {@code mean((y − ŷ)², axis=-1)}. */
  public static Tensor meanSquaredError(Tensor yTrue, Tensor yPred) {
    return MeanErrorOp.apply(yTrue, yPred, true);
  }
}
