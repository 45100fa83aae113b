package dev.lamina;

import java.util.List;

/**
 * The derivative of one recorded operation: given the gradient of the final scalar with respect to
 * the operation's output, returns the gradient with respect to each input, in input order, each
 * with that input's shape. An entry may be {@code null} for an input that takes no gradient.
 */
@FunctionalInterface
public interface BackwardRule {
  List<Tensor> apply(Tensor outputGradient);
}
