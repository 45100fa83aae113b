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

  /**
   * The input gradients when only those with bit j of {@code wanted} set are needed; a rule that
   * can skip the others is a {@link SelectiveRule}, this one computes them all.
   */
  default List<Tensor> apply(Tensor outputGradient, long wanted) {
    return apply(outputGradient);
  }
}
