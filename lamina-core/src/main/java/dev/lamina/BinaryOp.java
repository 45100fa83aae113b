package dev.lamina;

import dev.lamina.kernels.Kernels;

/**
 * The elementwise primitives of two arguments. {@link #gradients} returns both input gradients in
 * the broadcast output shape; the caller sums them back to each input's shape. Comparisons return
 * 1 or 0 and carry no gradient.
 */
enum BinaryOp {
  ADD("add") {
    double apply(double a, double b) {
      return a + b;
    }

    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      return new Tensor[] {g, g};
    }

    void row(float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo, int n) {
      if (sa == 1 && sb == 1) {
        Kernels.get().add(a, ao, b, bo, out, oo, n);
        return;
      }
      for (int j = 0; j < n; j++) {
        out[oo + j] = a[ao + j * sa] + b[bo + j * sb];
      }
    }
  },
  SUB("sub") {
    double apply(double a, double b) {
      return a - b;
    }

    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      return new Tensor[] {g, g.neg()};
    }

    void row(float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo, int n) {
      if (sa == 1 && sb == 1) {
        Kernels.get().sub(a, ao, b, bo, out, oo, n);
        return;
      }
      for (int j = 0; j < n; j++) {
        out[oo + j] = a[ao + j * sa] - b[bo + j * sb];
      }
    }
  },
  MUL("mul") {
    double apply(double a, double b) {
      return a * b;
    }

    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      return new Tensor[] {g.mul(b), g.mul(a)};
    }

    void row(float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo, int n) {
      if (sa == 1 && sb == 1) {
        Kernels.get().mul(a, ao, b, bo, out, oo, n);
        return;
      }
      for (int j = 0; j < n; j++) {
        out[oo + j] = a[ao + j * sa] * b[bo + j * sb];
      }
    }
  },
  DIV("div") {
    double apply(double a, double b) {
      return a / b;
    }

    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      Tensor ga = g.div(b);
      return new Tensor[] {ga, ga.mul(out).neg()};
    }

    void row(float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo, int n) {
      if (sa == 1 && sb == 1) {
        Kernels.get().div(a, ao, b, bo, out, oo, n);
        return;
      }
      for (int j = 0; j < n; j++) {
        out[oo + j] = a[ao + j * sa] / b[bo + j * sb];
      }
    }
  },
  POW("pow") {
    double apply(double a, double b) {
      return Math.pow(a, b);
    }

    /** As PyTorch: no base gradient where the exponent is 0, no exponent gradient at a ≤ 0. */
    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      Tensor zero = Tensor.scalar(g.dtype, 0);
      Tensor ga = Tensor.where(b.equal(0), zero, g.mul(b).mul(a.pow(b.sub(1))));
      Tensor gb = Tensor.where(a.greater(0), g.mul(out).mul(a.log()), zero);
      return new Tensor[] {ga, gb};
    }
  },
  MAXIMUM("maximum") {
    double apply(double a, double b) {
      return Math.max(a, b);
    }

    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      return splitByWinner(g, a.greater(b), a.equal(b));
    }
  },
  MINIMUM("minimum") {
    double apply(double a, double b) {
      return Math.min(a, b);
    }

    Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
      return splitByWinner(g, a.less(b), a.equal(b));
    }
  },
  GREATER("greater", false) {
    double apply(double a, double b) {
      return a > b ? 1 : 0;
    }

    void row(float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo, int n) {
      for (int j = 0; j < n; j++) {
        out[oo + j] = a[ao + j * sa] > b[bo + j * sb] ? 1 : 0;
      }
    }
  },
  GREATER_EQUAL("greaterEqual", false) {
    double apply(double a, double b) {
      return a >= b ? 1 : 0;
    }
  },
  LESS("less", false) {
    double apply(double a, double b) {
      return a < b ? 1 : 0;
    }
  },
  LESS_EQUAL("lessEqual", false) {
    double apply(double a, double b) {
      return a <= b ? 1 : 0;
    }
  },
  EQUAL("equal", false) {
    double apply(double a, double b) {
      return a == b ? 1 : 0;
    }
  },
  NOT_EQUAL("notEqual", false) {
    double apply(double a, double b) {
      return a != b ? 1 : 0;
    }
  };

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

  /** Both input gradients in the output's shape; only called when {@link #differentiable}. */
  Tensor[] gradients(Tensor g, Tensor a, Tensor b, Tensor out) {
    throw new UnsupportedOperationException(label + " has no gradient");
  }

  /**
   * out[oo + j] = a[ao + j·sa] op b[bo + j·sb] for j in [0, n), in float32. The hot operations
   * override it with a plain float loop (or a kernel call), which measured about ten times faster
   * than this generic loop through {@link #apply}: one call site shared by every operation cannot
   * be inlined, and the double round trip blocks vectorization.
   */
  void row(float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo, int n) {
    for (int j = 0; j < n; j++) {
      out[oo + j] = (float) apply(a[ao + j * sa], b[bo + j * sb]);
    }
  }

  /** The winner gets the gradient; on ties each side gets half of it, as PyTorch does. */
  private static Tensor[] splitByWinner(Tensor g, Tensor aWins, Tensor tie) {
    Tensor share = aWins.add(tie.mul(0.5));
    Tensor ga = g.mul(share);
    return new Tensor[] {ga, g.sub(ga)};
  }

  void forward(Broadcast plan, float[] a, float[] b, float[] out) {
    int n = plan.rowLength;
    for (int r = 0; r < plan.rows(); r++) {
      row(a, plan.rowStartsA[r], plan.strideA, b, plan.rowStartsB[r], plan.strideB, out, r * n, n);
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
