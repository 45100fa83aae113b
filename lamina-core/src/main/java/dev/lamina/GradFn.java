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

  /** The freshly computed {@code output}, recorded as the result of {@code op} unless in NoGrad. */
  static Tensor record(Tensor output, String op, BackwardRule rule, Tensor... inputs) {
    if (NoGrad.isActive()) {
      return output;
    }
    return new Tensor(
        output.shape, output.floats, output.doubles, false, new GradFn(op, List.of(inputs), rule));
  }
}
