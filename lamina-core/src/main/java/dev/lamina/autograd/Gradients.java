package dev.lamina.autograd;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation: the gradients of a scalar with respect to chosen
 * tensors. Walks the operations recorded behind the scalar in reverse topological order and
 * applies each one's backward rule; nothing is stored on the tensors, so there is nothing to
 * reset between steps.
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
    Set<Tensor> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    targets.addAll(wrt);
    List<Tensor> order = topologicalOrder(scalar);
    Set<Tensor> relevant = leadingTo(order, targets);
    Map<Tensor, Tensor> grads = new IdentityHashMap<>();
    grads.put(scalar, Tensor.full(scalar.dtype(), 1, scalar.shape()));
    try (NoGrad scope = NoGrad.enter()) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Tensor t = order.get(i);
        Tensor g = grads.get(t);
        if (g == null || t.gradFn() == null || !relevant.contains(t)) {
          continue;
        }
        propagate(t.gradFn(), g, relevant, grads);
        if (!targets.contains(t)) {
          grads.remove(t);
        }
      }
    }
    List<Tensor> result = new ArrayList<>(wrt.size());
    for (Tensor t : wrt) {
      Tensor g = grads.get(t);
      result.add(g != null ? g : Tensor.zeros(t.dtype(), t.shape()));
    }
    return result;
  }

  /** The gradients with respect to each parameter's current value. */
  public static List<Tensor> ofParameters(Tensor scalar, List<Parameter> parameters) {
    List<Tensor> values = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      values.add(p.value());
    }
    return of(scalar, values);
  }

  private static void propagate(
      GradFn fn, Tensor g, Set<Tensor> relevant, Map<Tensor, Tensor> grads) {
    List<Tensor> inputGrads = fn.rule().apply(g);
    if (inputGrads.size() != fn.inputs().size()) {
      throw new IllegalStateException(
          fn.op() + ": backward rule returned " + inputGrads.size() + " gradients for "
              + fn.inputs().size() + " inputs");
    }
    for (int j = 0; j < inputGrads.size(); j++) {
      Tensor input = fn.inputs().get(j);
      Tensor ig = inputGrads.get(j);
      if (ig == null || !relevant.contains(input)) {
        continue;
      }
      if (!Arrays.equals(ig.shape(), input.shape())) {
        throw new IllegalStateException(
            fn.op() + ": backward rule gave input " + j + " a gradient of shape "
                + Arrays.toString(ig.shape()) + ", the input has shape "
                + Arrays.toString(input.shape()));
      }
      grads.merge(input, ig.to(input.dtype()), Tensor::add);
    }
  }

  /** Every tensor the scalar was computed from, inputs before outputs (iterative DFS). */
  private static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Tensor> stack = new ArrayDeque<>();
    Deque<Integer> nextInput = new ArrayDeque<>();
    stack.push(root);
    nextInput.push(0);
    visited.add(root);
    while (!stack.isEmpty()) {
      Tensor t = stack.peek();
      int next = nextInput.pop();
      List<Tensor> inputs = t.gradFn() == null ? List.of() : t.gradFn().inputs();
      if (next < inputs.size()) {
        nextInput.push(next + 1);
        Tensor input = inputs.get(next);
        if (visited.add(input)) {
          stack.push(input);
          nextInput.push(0);
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }

  /** The tensors in {@code order} that are targets or were computed from one. */
  private static Set<Tensor> leadingTo(List<Tensor> order, Set<Tensor> targets) {
    Set<Tensor> relevant = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Tensor t : order) {
      boolean leads = targets.contains(t);
      if (!leads && t.gradFn() != null) {
        for (Tensor input : t.gradFn().inputs()) {
          leads |= relevant.contains(input);
        }
      }
      if (leads) {
        relevant.add(t);
      }
    }
    return relevant;
  }
}
