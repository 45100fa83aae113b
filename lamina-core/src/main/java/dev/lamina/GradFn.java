package dev.lamina;

import java.util.List;

/**
 * How a tensor was computed: the operation's name, its inputs and its backward rule. Recorded by
 * every operation outside a {@link NoGrad} scope; {@link Gradients} walks these records backwards.
 */
public record GradFn(String op, List<Tensor> inputs, BackwardRule rule) {
  public GradFn {
    inputs = List.copyOf(inputs);
  }
}
