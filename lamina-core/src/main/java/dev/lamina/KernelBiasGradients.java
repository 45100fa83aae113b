package dev.lamina;

import dev.lamina.kernels.Pointwise;
import java.util.Arrays;
import java.util.List;

/**
 * The backward pass's arrays of an operation activation(linear(x, kernel) + bias), a dense layer's
 * or a convolution's: the pre-activation gradient, then the input, kernel and bias gradients each
 * only when asked for, in input order. Inside a workspace each array is the previous step's.
 */
final class KernelBiasGradients {
  private final Tensor x;
  private final Tensor kernel;
  private final Tensor bias; // null: no bias input
  private final Tensor out;
  private final boolean inWorkspace;
  private final Tensor[] grads = new Tensor[3];
  private final List<Tensor> result;
  private Tensor preActivationGrad;
  private Tensor inputGrad;
  private Tensor kernelGrad;
  private Tensor biasGrad;

  KernelBiasGradients(Tensor x, Tensor kernel, Tensor bias, Tensor out, boolean inWorkspace) {
    this.x = x;
    this.kernel = kernel;
    this.bias = bias;
    this.out = out;
    this.inWorkspace = inWorkspace;
    List<Tensor> all = Arrays.asList(grads);
    this.result = bias == null ? all.subList(0, 2) : all;
  }

  /**
   * Starts a backward pass from the output gradient g: returns the gradient before the activation
   * (see {@link BiasActivation#backward}) and forgets the last pass's input gradients.
   */
  Tensor preActivation(Pointwise activation, Tensor preActivation, Tensor g) {
    preActivationGrad = Storage.reusable(inWorkspace, preActivationGrad, out);
    BiasActivation.backward(activation, preActivation, out, g.to(x.dtype), preActivationGrad);
    Arrays.fill(grads, null);
    return preActivationGrad;
  }

  /** The input gradient's array, for the caller to fill; part of the result. */
  Tensor input() {
    grads[0] = inputGrad = Storage.reusable(inWorkspace, inputGrad, x);
    return inputGrad;
  }

  /** The kernel gradient's array, for the caller to fill; part of the result. */
  Tensor kernel() {
    grads[1] = kernelGrad = Storage.reusable(inWorkspace, kernelGrad, kernel);
    return kernelGrad;
  }

  /** The bias gradient, the column sums of the rows×units pre-activation gradient, if wanted. */
  void bias(long wanted, int rows, int units) {
    if (bias != null && (wanted & 4) != 0) {
      grads[2] = biasGrad = Storage.reusable(inWorkspace, biasGrad, bias);
      BiasActivation.biasGradient(preActivationGrad, rows, units, biasGrad);
    }
  }

  /** The gradients of this pass in input order, null where not asked for. */
  List<Tensor> result() {
    return result;
  }
}
