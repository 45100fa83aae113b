package dev.lamina;

import dev.lamina.kernels.Kernels;
import java.util.Arrays;

/**
 * The elementwise primitives of two arguments. {@link #gradients} returns both input gradients in
 * the broadcast output shape; the caller sums them back to each input's shape. Comparisons return 1
 * or 0 and carry no gradient.
 */
enum BinaryOp {
  ADD("add") {
    @Override
    double apply(double a, double b) {
      return a + b;
    }

    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      set(into, g, g);
    }

    @Override
    void row(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
      Kernels.get().add(a, ao, b, bo, out, oo, n);
    }
  },
  SUB("sub") {
    @Override
    double apply(double a, double b) {
      return a - b;
    }

    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      set(into, g, wantB ? g.neg() : null);
    }

    @Override
    void row(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
      Kernels.get().sub(a, ao, b, bo, out, oo, n);
    }
  },
  MUL("mul") {
    @Override
    double apply(double a, double b) {
      return a * b;
    }

    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      if (wantA && wantB && ScalarProductGradients.applies(g, a, b)) {
        ScalarProductGradients.compute(g, a, b, into);
        return;
      }
      set(into, wantA ? productGradient(g, b, a) : null, wantB ? productGradient(g, a, b) : null);
    }

    @Override
    void row(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
      Kernels.get().mul(a, ao, b, bo, out, oo, n);
    }
  },
  DIV("div") {
    @Override
    double apply(double a, double b) {
      return a / b;
    }

    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      Tensor ga = g.div(b);
      set(into, ga, wantB ? ga.mul(out).neg() : null);
    }

    @Override
    void row(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
      Kernels.get().div(a, ao, b, bo, out, oo, n);
    }
  },
  POW("pow") {
    @Override
    double apply(double a, double b) {
      return Math.pow(a, b);
    }

    /** As PyTorch: no base gradient where the exponent is 0, no exponent gradient at a ≤ 0. */
    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      Tensor zero = Tensor.scalar(g.dtype, 0);
      Tensor ga = Tensor.where(b.equal(0), zero, g.mul(b).mul(a.pow(b.sub(1))));
      Tensor gb = Tensor.where(a.greater(0), g.mul(out).mul(a.log()), zero);
      set(into, ga, gb);
    }
  },
  MAXIMUM("maximum") {
    @Override
    double apply(double a, double b) {
      return Math.max(a, b);
    }

    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      splitByWinner(g, a.greater(b), a.equal(b), into);
    }
  },
  MINIMUM("minimum") {
    @Override
    double apply(double a, double b) {
      return Math.min(a, b);
    }

    @Override
    void gradients(
        Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
      splitByWinner(g, a.less(b), a.equal(b), into);
    }
  },
  GREATER("greater", false) {
    @Override
    double apply(double a, double b) {
      return a > b ? 1 : 0;
    }

    @Override
    void row(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
      for (int j = 0; j < n; j++) {
        out[oo + j] = a[ao + j] > b[bo + j] ? 1 : 0;
      }
    }
  },
  GREATER_EQUAL("greaterEqual", false) {
    @Override
    double apply(double a, double b) {
      return a >= b ? 1 : 0;
    }
  },
  LESS("less", false) {
    @Override
    double apply(double a, double b) {
      return a < b ? 1 : 0;
    }
  },
  LESS_EQUAL("lessEqual", false) {
    @Override
    double apply(double a, double b) {
      return a <= b ? 1 : 0;
    }
  },
  EQUAL("equal", false) {
    @Override
    double apply(double a, double b) {
      return a == b ? 1 : 0;
    }
  },
  NOT_EQUAL("notEqual", false) {
    @Override
    double apply(double a, double b) {
      return a != b ? 1 : 0;
    }
  };

  private static final int SPREAD_CHUNK = 1024;

  /** Per thread, so that a broadcast operation allocates nothing. */
  private static final ThreadLocal<float[]> SPREAD =
      ThreadLocal.withInitial(() -> new float[SPREAD_CHUNK]);

  final String label;
  final boolean differentiable;

  BinaryOp(String label) {
    this(label, true);
  }

  BinaryOp(String label, boolean differentiable) {
    this.label = label;
    this.differentiable = differentiable;
  }

  abstract double apply(double a, double b);

  /**
   * Writes the input gradients in the output's shape (or already in the input's) into {@code
   * into[0]} and {@code [1]}, each null or computed as its want flag asks (a flag only permits
   * skipping); only called when {@link #differentiable}.
   */
  void gradients(
      Tensor g, Tensor a, Tensor b, Tensor out, boolean wantA, boolean wantB, Tensor[] into) {
    throw new UnsupportedOperationException(label + " has no gradient");
  }

  /**
   * The gradient of {@code self} in {@code self · other}: g·other, or for a one-element self beside
   * a whole-sized other, Σ g·other directly in self's shape.
   */
  private static Tensor productGradient(Tensor g, Tensor other, Tensor self) {
    if (self.size() == 1 && other.size() == g.size() && g.size() > 1) {
      return Reductions.sumOfProducts(g, other, self.shape);
    }
    return g.mul(other);
  }

  private static void set(Tensor[] into, Tensor ga, Tensor gb) {
    into[0] = ga;
    into[1] = gb;
  }

  /** The winner gets the gradient; on ties each side gets half of it, as PyTorch does. */
  private static void splitByWinner(Tensor g, Tensor aWins, Tensor tie, Tensor[] into) {
    Tensor share = aWins.add(tie.mul(0.5));
    Tensor ga = g.mul(share);
    set(into, ga, g.sub(ga));
  }

  /**
   * out[oo + j] = a[ao + j] op b[bo + j] for j in [0, n), in float32. The hot operations override
   * it with a kernel call or a plain float loop, which measured about ten times faster than this
   * generic loop through {@link #apply}: one call site shared by every operation cannot be inlined,
   * and the round trip through double blocks vectorization.
   */
  void row(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    for (int j = 0; j < n; j++) {
      out[oo + j] = (float) apply(a[ao + j], b[bo + j]);
    }
  }

  /**
   * Row by row over the broadcast result. An operand that is one value along the row (stride 0) is
   * spread into a small buffer, chunk by chunk, so that every row call sees contiguous data. Two
   * operands of the result's size are one row, and a product with one value is one scale: one
   * kernel call over the whole array, which splits large ones over the threads (a custom layer's
   * {@code x.mul(scale)}).
   */
  void forward(Broadcast plan, float[] a, float[] b, float[] out) {
    if (a.length == out.length && b.length == out.length) {
      row(a, 0, b, 0, out, 0, out.length);
      return;
    }
    if (this == MUL && (a.length == 1 || b.length == 1)) {
      boolean scalarA = a.length == 1;
      Kernels.get().scale(scalarA ? a[0] : b[0], scalarA ? b : a, 0, out, 0, out.length);
      return;
    }
    int n = plan.rowLength;
    boolean spreadA = plan.strideA == 0 && n > 1;
    boolean spreadB = plan.strideB == 0 && n > 1;
    float[] spread = spreadA || spreadB ? SPREAD.get() : null;
    for (int r = 0; r < plan.rows(); r++) {
      int ao = plan.rowStartsA[r];
      int bo = plan.rowStartsB[r];
      if (!spreadA && !spreadB) {
        row(a, ao, b, bo, out, r * n, n);
        continue;
      }
      int chunk = Math.min(n, spread.length);
      Arrays.fill(spread, 0, chunk, spreadA ? a[ao] : b[bo]);
      for (int start = 0; start < n; start += chunk) {
        int length = Math.min(chunk, n - start);
        int oo = r * n + start;
        if (spreadA) {
          row(spread, 0, b, bo + start, out, oo, length);
        } else {
          row(a, ao + start, spread, 0, out, oo, length);
        }
      }
    }
  }

  void forward(Broadcast plan, double[] a, double[] b, double[] out) {
    int n = plan.rowLength;
    for (int r = 0; r < plan.rows(); r++) {
      int ao = plan.rowStartsA[r];
      int bo = plan.rowStartsB[r];
      for (int j = 0, oo = r * n; j < n; j++, ao += plan.strideA, bo += plan.strideB) {
        out[oo + j] = apply(a[ao], b[bo]);
      }
    }
  }
}
