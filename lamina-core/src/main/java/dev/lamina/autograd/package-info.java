/**
 * Gradient checking: {@link dev.lamina.autograd.GradCheck} compares the gradients the tape in
 * {@code dev.lamina} computes ({@link dev.lamina.Gradients#of}) with central differences in
 * float64, for built-in operations, layers and custom operations built with {@link
 * dev.lamina.Tensor#fromOp}.
 */
package dev.lamina.autograd;
