package dev.lamina;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The backward walk behind one scalar, laid out in arrays: the operations in topological order,
 * each input by its position in that order, which inputs lead to a requested tensor. Built once per
 * graph (a workspace keeps it across steps, where the same root is the same graph), so a step's
 * walk indexes arrays instead of hashing tensors: no identity-hash lookups per operation, and none
 * of the hash collisions that differ from one model to the next and made the JIT throw away its
 * compiled walk when a new model was trained.
 */
final class BackwardPlan {
  private final Tensor root;
  private final List<Tensor> wrt;
  private final Tensor[] nodes;
  private final int[][] inputPositions;
  private final boolean[] relevant;
  private final boolean[] requested;
  private final long[] wanted;
  private final int[] wrtPositions;
  private final Tensor[] grads;

  private BackwardPlan(Tensor root, List<Tensor> wrt) {
    this.root = root;
    this.wrt = List.copyOf(wrt);
    List<Tensor> order = topologicalOrder(root);
    int n = order.size();
    nodes = order.toArray(new Tensor[0]);
    IdentityHashMap<Tensor, Integer> positions = new IdentityHashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      positions.put(nodes[i], i);
    }
    Set<Tensor> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    targets.addAll(wrt);
    inputPositions = new int[n][];
    relevant = new boolean[n];
    requested = new boolean[n];
    wanted = new long[n];
    for (int i = 0; i < n; i++) {
      List<Tensor> inputs = inputsOf(nodes[i]);
      int[] at = new int[inputs.size()];
      requested[i] = targets.contains(nodes[i]);
      boolean leads = requested[i];
      for (int j = 0; j < at.length; j++) {
        at[j] = positions.get(inputs.get(j));
        leads |= relevant[at[j]];
      }
      inputPositions[i] = at;
      relevant[i] = leads;
      // inputs come before their operation, so their relevance is final here
      wanted[i] = wantedBits(at);
    }
    wrtPositions = new int[wrt.size()];
    for (int k = 0; k < wrtPositions.length; k++) {
      wrtPositions[k] = positions.getOrDefault(wrt.get(k), -1);
    }
    grads = new Tensor[n];
  }

  /** The plan for the graph behind {@code root}, differentiated with respect to {@code wrt}. */
  static BackwardPlan of(Tensor root, List<Tensor> wrt) {
    return new BackwardPlan(root, wrt);
  }

  /** Whether this plan walks {@code root}'s graph for exactly these tensors (by identity). */
  boolean isFor(Tensor root, List<Tensor> wrt) {
    if (this.root != root || this.wrt.size() != wrt.size()) {
      return false;
    }
    for (int i = 0; i < wrt.size(); i++) {
      if (this.wrt.get(i) != wrt.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Walks the graph backwards from the root with the values its operations hold now and adds
   * d(root)/d(t) for each requested t, in order, to {@code into}; a tensor the root does not depend
   * on gets zeros.
   */
  List<Tensor> run(List<Tensor> into) {
    Arrays.fill(grads, null);
    int last = nodes.length - 1;
    try (NoGrad scope = NoGrad.enter()) {
      grads[last] = Tensor.full(root.dtype(), 1, root.shape());
      for (int i = last; i >= 0; i--) {
        Tensor g = grads[i];
        GradFn fn = nodes[i].gradFn();
        if (g == null || fn == null || !relevant[i]) {
          continue;
        }
        propagate(fn, g, i);
        if (!requested[i]) {
          grads[i] = null;
        }
      }
    }
    for (int k = 0; k < wrtPositions.length; k++) {
      Tensor g = wrtPositions[k] < 0 ? null : grads[wrtPositions[k]];
      Tensor t = wrt.get(k);
      into.add(g != null ? g : Tensor.zeros(t.dtype(), t.shape()));
    }
    return into;
  }

  private void propagate(GradFn fn, Tensor g, int node) {
    // one call site for every rule: it sees many rule classes, so the JIT calls them rather than
    // inlining the few a model's profile shows into this method (a 51 KB compilation, twice, that
    // took one of two cores for 0.4 s in W1's epochs 110-120)
    List<Tensor> inputGrads = fn.rule().apply(g, wanted[node]);
    int[] at = inputPositions[node];
    if (inputGrads.size() != at.length) {
      throw new IllegalStateException(
          fn.op()
              + ": backward rule returned "
              + inputGrads.size()
              + " gradients for "
              + at.length
              + " inputs");
    }
    for (int j = 0; j < at.length; j++) {
      Tensor ig = inputGrads.get(j);
      int p = at[j];
      if (ig == null || !relevant[p]) {
        continue;
      }
      Tensor input = nodes[p];
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
      Tensor converted = ig.to(input.dtype());
      grads[p] = grads[p] == null ? converted : grads[p].add(converted);
    }
  }

  /** Bit j set when input j leads to a requested tensor. */
  private long wantedBits(int[] at) {
    if (at.length > Long.SIZE) {
      return -1L;
    }
    long bits = 0;
    for (int j = 0; j < at.length; j++) {
      if (relevant[at[j]]) {
        bits |= 1L << j;
      }
    }
    return bits;
  }

  private static List<Tensor> inputsOf(Tensor t) {
    return t.gradFn() == null ? List.of() : t.gradFn().inputs();
  }

  /** Every tensor the root was computed from, inputs before outputs (iterative DFS). */
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
      List<Tensor> inputs = inputsOf(t);
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
}
