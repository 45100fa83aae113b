package dev.lamina.constraints;

import java.util.List;

/** A constraint on the norms of slices over {@link #axis()}, which must exist in the weight. */
interface NormConstraint extends Constraint {

  List<Integer> axis();

  @Override
  default void requireFits(String weight, int[] shape) {
    NormScaling.requireFits(className(), axis(), weight, shape);
  }
}
