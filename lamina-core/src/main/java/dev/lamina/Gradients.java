package dev.lamina;

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
    if (workspace != null) {
      return ofInWorkspace(scalar, wrt, workspace);
    }
    Set<Tensor> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    targets.addAll(wrt);
    List<Tensor> order = topologicalOrder(scalar);
    IdentityHashMap<Tensor, Tensor> grads = new IdentityHashMap<>();
    backward(scalar, order, leadingTo(order, targets), targets, grads);
    return collect(wrt, grads, new ArrayList<>(wrt.size()));
  }

  /**
   * The same, keeping the walk order of a root seen before (the same tensor is the same graph in a
   * workspace) and reusing the gradient map and result list, which the next call overwrites.
   */
  private static List<Tensor> ofInWorkspace(Tensor scalar, List<Tensor> wrt, Workspace w) {
    if (w.lastRoot != scalar || !sameTensors(w.lastWrt, wrt)) {
      w.targets = Collections.newSetFromMap(new IdentityHashMap<>());
      w.targets.addAll(wrt);
      w.order = topologicalOrder(scalar);
      w.relevant = leadingTo(w.order, w.targets);
      w.lastRoot = scalar;
      w.lastWrt = List.copyOf(wrt);
    }
    w.grads.clear();
    backward(scalar, w.order, w.relevant, w.targets, w.grads);
    w.result.clear();
    return collect(wrt, w.grads, w.result);
  }

  private static boolean sameTensors(List<Tensor> a, List<Tensor> b) {
    if (a == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static void backward(
      Tensor scalar,
      List<Tensor> order,
      Set<Tensor> relevant,
      Set<Tensor> targets,
      Map<Tensor, Tensor> grads) {
    try (NoGrad scope = NoGrad.enter()) {
      grads.put(scalar, Tensor.full(scalar.dtype(), 1, scalar.shape()));
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
  }

  private static List<Tensor> collect(
      List<Tensor> wrt, Map<Tensor, Tensor> grads, List<Tensor> result) {
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
    // one call site for every rule: it sees many rule classes, so the JIT calls them rather than
    // inlining the few a model's profile shows into this method (a 51 KB compilation, twice, that
    // took one of two cores for 0.4 s in W1's epochs 110-120)
    List<Tensor> inputGrads = fn.rule().apply(g, wanted(fn.inputs(), relevant));
    if (inputGrads.size() != fn.inputs().size()) {
      throw new IllegalStateException(
          fn.op()
              + ": backward rule returned "
              + inputGrads.size()
              + " gradients for "
              + fn.inputs().size()
              + " inputs");
    }
    for (int j = 0; j < inputGrads.size(); j++) {
      Tensor input = fn.inputs().get(j);
      Tensor ig = inputGrads.get(j);
      if (ig == null || !relevant.contains(input)) {
        continue;
      }
      if (!ig.hasSameShape(input)) {
        throw new IllegalStateException(
            fn.op()
                + ": backward rule gave input "
                + j
                + " a gradient of shape "
                + Arrays.toString(ig.shape())
                + ", the input has shape "
                + Arrays.toString(input.shape()));
      }
      grads.merge(input, ig.to(input.dtype()), Tensor::add);
    }
  }

  /** Bit j set when input j leads to a requested tensor. */
  private static long wanted(List<Tensor> inputs, Set<Tensor> relevant) {
    if (inputs.size() > Long.SIZE) {
      return -1L;
    }
    long bits = 0;
    for (int j = 0; j < inputs.size(); j++) {
      if (relevant.contains(inputs.get(j))) {
        bits |= 1L << j;
      }
    }
    return bits;
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
