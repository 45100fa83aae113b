package dev.lamina;

import dev.lamina.kernels.Kernels;

/**
 * Both gradients of x·s, for a float32 x and one value s (a custom layer's learned scale), in one
 * pass over the product's gradient g: g·s for x and Σ g·x for s. Apart, they read g twice and the
 * sum ran on one thread; W1 with docs/custom-layers.md's ScaledTanh spends that pass in each of its
 * three layers.
 */
final class ScalarProductGradients {
  private static final String WHOLE = "scalarProduct.whole";
  private static final String SCALAR = "scalarProduct.scalar";

  private ScalarProductGradients() {}

  /**
   * Whether {@link #compute} applies: float32, a backward pass that is not itself recorded, one
   * side of one value and the other of the product's size.
   */
  static boolean applies(Tensor g, Tensor a, Tensor b) {
    if (g.floats == null || a.floats == null || b.floats == null || !NoGrad.isActive()) {
      return false;
    }
    long size = g.size();
    return size > 1 && ((a.size() == 1 && b.size() == size) || (b.size() == 1 && a.size() == size));
  }

  /** Sets into[0] and into[1] to the gradients of a and b in a·b, as {@link BinaryOp} MUL. */
  static void compute(Tensor g, Tensor a, Tensor b, Tensor[] into) {
    boolean scalarA = a.size() == 1;
    Tensor scalar = scalarA ? a : b;
    Tensor whole = scalarA ? b : a;
    Tensor wholeGradient = Workspace.reuse(WHOLE, g, scalar, whole, 0, g.shape);
    if (wholeGradient == null) {
      wholeGradient = Workspace.remember(Storage.raw(g.shape, new float[g.floats.length]));
    }
    Tensor scalarGradient = Workspace.reuse(SCALAR, g, scalar, whole, 0, scalar.shape);
    if (scalarGradient == null) {
      scalarGradient = Workspace.remember(Storage.raw(scalar.shape, new float[1]));
    }
    scalarGradient.floats[0] =
        Kernels.get()
            .scaleAndDot(
                scalar.floats[0],
                g.floats,
                0,
                whole.floats,
                0,
                wholeGradient.floats,
                0,
                g.floats.length);
    into[scalarA ? 1 : 0] = wholeGradient;
    into[scalarA ? 0 : 1] = scalarGradient;
  }
}
