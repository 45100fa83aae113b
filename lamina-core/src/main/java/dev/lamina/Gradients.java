package dev.lamina;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reverse-mode automatic differentiation: the gradients of a scalar with respect to chosen tensors.
 * Walks the operations recorded behind the scalar in reverse topological order and applies each
 * one's backward rule; nothing is stored on the tensors, so there is nothing to reset between
 * steps.
 *
 * <pre>{@code
 * Tensor loss = x.matmul(w).sub(y).square().mean();
 * List<Tensor> grads = Gradients.of(loss, List.of(w));
 * }</pre>
 */
public final class Gradients {
  private Gradients() {}

  /**
   * d(scalar)/d(t) for each t in {@code wrt}, in order, each with t's shape and type. Tensors are
   * matched by identity. A tensor the scalar does not depend on gets zeros.
   */
  public static List<Tensor> of(Tensor scalar, List<Tensor> wrt) {
    if (scalar.size() != 1) {
      throw new IllegalArgumentException(
          "Gradients.of: needs a scalar (one element), got shape "
              + Arrays.toString(scalar.shape()));
    }
    Workspace workspace = Workspace.current();
    if (workspace == null) {
      return BackwardPlan.of(scalar, wrt).run(new ArrayList<>(wrt.size()));
    }
    // the same root in a workspace is the same graph: keep its plan and result list, which the
    // next call overwrites
    if (workspace.backwardPlan == null || !workspace.backwardPlan.isFor(scalar, wrt)) {
      workspace.backwardPlan = BackwardPlan.of(scalar, wrt);
    }
    workspace.gradients.clear();
    return workspace.backwardPlan.run(workspace.gradients);
  }

  /** The gradients with respect to each parameter's current value. */
  public static List<Tensor> ofParameters(Tensor scalar, List<Parameter> parameters) {
    List<Tensor> values = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      values.add(p.value());
    }
    return of(scalar, values);
  }
}
