package dev.lamina;

import dev.lamina.kernels.Erf;

/**
 * The elementwise primitives of one argument, each with its derivative beside it. The backward rule
 * gets the output gradient {@code g}, the input {@code x} and the output {@code y}.
 */
enum UnaryOp {
  NEG("neg") {
    @Override
    double apply(double x) {
      return -x;
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.neg();
    }

    @Override
    void forward(float[] in, float[] out) {
      for (int i = 0; i < in.length; i++) {
        out[i] = -in[i];
      }
    }
  },
  EXP("exp") {
    @Override
    double apply(double x) {
      return Math.exp(x);
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.mul(y);
    }
  },
  LOG("log") {
    @Override
    double apply(double x) {
      return Math.log(x);
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.div(x);
    }
  },
  SQRT("sqrt") {
    @Override
    double apply(double x) {
      return Math.sqrt(x);
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.div(y.mul(2));
    }
  },
  ABS("abs") {
    @Override
    double apply(double x) {
      return Math.abs(x);
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.mul(x.sign());
    }

    @Override
    void forward(float[] in, float[] out) {
      for (int i = 0; i < in.length; i++) {
        out[i] = Math.abs(in[i]);
      }
    }
  },
  SIGN("sign", false) {
    @Override
    double apply(double x) {
      return Math.signum(x);
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      throw new UnsupportedOperationException("sign has no gradient");
    }

    @Override
    void forward(float[] in, float[] out) {
      for (int i = 0; i < in.length; i++) {
        out[i] = Math.signum(in[i]);
      }
    }
  },
  SOFTPLUS("softplus") {
    @Override
    double apply(double x) {
      return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.mul(x.sigmoid());
    }
  },
  ERF("erf") {
    @Override
    double apply(double x) {
      return Erf.erf(x);
    }

    @Override
    Tensor backward(Tensor g, Tensor x, Tensor y) {
      return g.mul(x.square().neg().exp().mul(2 / Math.sqrt(Math.PI)));
    }
  };

  final String label;
  final boolean differentiable;

  UnaryOp(String label) {
    this(label, true);
  }

  UnaryOp(String label, boolean differentiable) {
    this.label = label;
    this.differentiable = differentiable;
  }

  abstract double apply(double x);

  /** The input gradient; only called when {@link #differentiable}. */
  abstract Tensor backward(Tensor g, Tensor x, Tensor y);

  /** Writes the values of this operation on x into out, a tensor of x's shape and type. */
  void forward(Tensor x, Tensor out) {
    if (x.floats != null) {
      forward(x.floats, out.floats);
      return;
    }
    double[] in = x.doubles;
    for (int i = 0; i < in.length; i++) {
      out.doubles[i] = apply(in[i]);
    }
  }

  /**
   * The float32 loop. Cheap operations override it with a plain float loop: the generic one, a call
   * through {@link #apply} shared by every operation, measured about ten times slower.
   */
  void forward(float[] in, float[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) apply(in[i]);
    }
  }
}
