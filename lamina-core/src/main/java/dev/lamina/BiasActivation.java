package dev.lamina;

import dev.lamina.kernels.Kernels;
import dev.lamina.kernels.Pointwise;
import java.util.Arrays;

/**
 * The bias and activation that end a dense or convolution operation, over rows of {@code units}
 * values: forward {@code activation(linear + bias)}, backward the pre-activation gradient and the
 * bias gradient as its column sums. Float32 on the kernels, float64 in plain loops.
 */
final class BiasActivation {
  private BiasActivation() {}

  /**
   * Adds bias (or nothing, when null) to each row of {@code linear} in place, then writes
   * activation(linear) to {@code values}, which may be {@code linear} itself.
   */
  static void forward(
      Tensor linear, Tensor bias, Pointwise activation, Tensor values, int rows, int units) {
    if (linear.floats != null) {
      if (bias != null) {
        Kernels.get().addRow(linear.floats, 0, bias.floats, 0, linear.floats, 0, rows, units);
      }
      if (activation != Pointwise.LINEAR || values != linear) {
        Kernels.get().pointwise(activation, linear.floats, values.floats, rows * units);
      }
    } else {
      if (bias != null) {
        for (int r = 0, at = 0; r < rows; r++, at += units) {
          for (int j = 0; j < units; j++) {
            linear.doubles[at + j] += bias.doubles[j];
          }
        }
      }
      Kernels.get().pointwise(activation, linear.doubles, values.doubles, rows * units);
    }
  }

  /**
   * gz = the gradient before the activation, from the output gradient g, the output and (when the
   * derivative needs it, else null) the pre-activation values.
   */
  static void backward(
      Pointwise activation, Tensor preActivation, Tensor out, Tensor g, Tensor gz) {
    if (out.floats != null) {
      Kernels.get()
          .pointwiseBackward(
              activation,
              preActivation == null ? null : preActivation.floats,
              out.floats,
              g.floats,
              gz.floats,
              out.floats.length);
    } else {
      Kernels.get()
          .pointwiseBackward(
              activation,
              preActivation == null ? null : preActivation.doubles,
              out.doubles,
              g.doubles,
              gz.doubles,
              out.doubles.length);
    }
  }

  /** biasGrad = the column sums of the rows×units pre-activation gradient gz. */
  static void biasGradient(Tensor gz, int rows, int units, Tensor biasGrad) {
    if (gz.floats != null) {
      Kernels.get().sumColumns(gz.floats, 0, rows, units, biasGrad.floats, 0);
    } else {
      Arrays.fill(biasGrad.doubles, 0);
      for (int r = 0, at = 0; r < rows; r++, at += units) {
        for (int j = 0; j < units; j++) {
          biasGrad.doubles[j] += gz.doubles[at + j];
        }
      }
    }
  }
}
