/**
 * Tensors and their reverse-mode automatic differentiation, with the model face ({@link
 * dev.lamina.Sequential}, {@link dev.lamina.FitOptions}, {@link dev.lamina.History}) beside them.
 *
 * <p>The tape lives here, beside {@link dev.lamina.Tensor}, so no class cycle leaves the package:
 * every tensor operation outside a {@link dev.lamina.NoGrad} scope records a {@link
 * dev.lamina.GradFn}: its inputs and a backward rule written beside its forward code. {@link
 * dev.lamina.Gradients#of} walks those records from a scalar back to the tensors asked for and
 * returns their gradients; nothing is stored on tensors, so there is no gradient field to reset.
 * {@link dev.lamina.Parameter} is the one mutable cell, which optimizers assign in place after the
 * gradients were taken. {@link dev.lamina.autograd.GradCheck} compares automatic gradients with
 * central differences in float64, for custom operations built with {@link
 * dev.lamina.Tensor#fromOp}.
 *
 * <p>About twenty primitives carry gradient rules: add, sub, mul, div, pow, maximum, minimum,
 * where, clip, neg, exp, log, sqrt, abs, erf, relu, sigmoid, tanh, softplus, matmul, sum, max,
 * reshape, permute, concat, slice and the float32/float64 cast. Everything else (mean, min, square,
 * softmax, logSoftmax, gelu, swish, elu, leakyRelu) is composed from them.
 *
 * <p>Conventions where a derivative does not exist, as in PyTorch:
 *
 * <ul>
 *   <li>relu'(0) = 0, abs'(0) = 0 (sign(0) = 0); leakyRelu and elu take the negative branch at 0.
 *   <li>max and min along an axis: the whole gradient goes to the first element (row-major) that
 *       attains the extreme.
 *   <li>maximum and minimum of two tensors: on a tie each side gets half.
 *   <li>clip(low, high): gradient 1 inside the closed interval, bounds included, 0 outside.
 *   <li>pow: no gradient to the base where the exponent is 0; none to the exponent where the base
 *       is not positive.
 *   <li>Comparisons, sign and argmax give 0/1 masks or indices and no gradient.
 *   <li>A tensor that the scalar does not depend on gets a gradient of zeros.
 * </ul>
 *
 * <p>Gradients are first order: backward rules run inside a NoGrad scope.
 */
package dev.lamina;
