package dev.lamina;

import java.util.List;

/**
 * A backward rule that skips the input gradients nobody asked for: a data tensor's, a constant's.
 * {@link Gradients} passes which inputs lead to a requested tensor; the plain {@link
 * BackwardRule#apply} computes them all.
 */
public interface SelectiveRule extends BackwardRule {

  /**
   * The input gradients, in input order; entry j may be null unless bit j of {@code wanted} is set.
   */
  @Override
  List<Tensor> apply(Tensor outputGradient, long wanted);

  @Override
  default List<Tensor> apply(Tensor outputGradient) {
    return apply(outputGradient, -1L);
  }
}
