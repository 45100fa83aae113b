package dev.lamina.kernels;

/**
 * Keras's elementwise activations, each value beside its derivative: the float64 formulas and the
 * plain float32 loops that {@link Kernels#pointwise} runs where no vector version is faster. The
 * derivative is written from the input x and the output y, so the operations keep what they
 * computed and never recompute the function in backward. Formulas and defaults are Keras 3's;
 * gradients at kinks follow the composed Tensor versions (relu'(0) = 0, the negative branch of
 * leaky_relu and elu at 0, clip's bounds inside).
 */
public enum Pointwise {
  LINEAR,
  RELU,
  SIGMOID,
  TANH,
  LEAKY_RELU,
  ELU,
  SELU,
  GELU,
  SWISH,
  SOFTPLUS,
  SOFTSIGN,
  HARD_SIGMOID,
  HARD_SWISH,
  RELU6,
  EXPONENTIAL,
  MISH;

  static final double LEAKY_SLOPE = 0.2;
  static final double SELU_ALPHA = 1.6732632423543772;
  static final double SELU_SCALE = 1.0507009873554805;
  static final double SQRT_HALF = Math.sqrt(0.5);
  static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** The activation of a Keras name, or null for a name that is not elementwise (softmax). */
  public static Pointwise named(String name) {
    return switch (name == null ? "linear" : name) {
      case "linear" -> LINEAR;
      case "relu" -> RELU;
      case "sigmoid" -> SIGMOID;
      case "tanh" -> TANH;
      case "leaky_relu" -> LEAKY_RELU;
      case "elu" -> ELU;
      case "selu" -> SELU;
      case "gelu" -> GELU;
      case "swish", "silu" -> SWISH;
      case "softplus" -> SOFTPLUS;
      case "softsign" -> SOFTSIGN;
      case "hard_sigmoid" -> HARD_SIGMOID;
      case "hard_silu", "hard_swish" -> HARD_SWISH;
      case "relu6" -> RELU6;
      case "exponential" -> EXPONENTIAL;
      case "mish" -> MISH;
      default -> null;
    };
  }

  /** Whether the derivative needs the input x (else the output y suffices). */
  public boolean needsInput() {
    return switch (this) {
      case LINEAR, RELU, SIGMOID, TANH, LEAKY_RELU, ELU, SELU, EXPONENTIAL -> false;
      default -> true;
    };
  }

  public double value(double x) {
    return switch (this) {
      case LINEAR -> x;
      case RELU -> Math.max(x, 0.0);
      case SIGMOID -> sigmoid(x);
      case TANH -> Math.tanh(x);
      case LEAKY_RELU -> x > 0 ? x : x * LEAKY_SLOPE;
      case ELU -> x > 0 ? x : Math.exp(x) - 1;
      case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
      case GELU -> 0.5 * x * (1 + Erf.erf(x * SQRT_HALF));
      case SWISH -> x * sigmoid(x);
      case SOFTPLUS -> softplus(x);
      case SOFTSIGN -> x / (Math.abs(x) + 1);
      case HARD_SIGMOID -> hardSigmoid(x);
      case HARD_SWISH -> x * hardSigmoid(x);
      case RELU6 -> Math.min(Math.max(x, 0), 6);
      case EXPONENTIAL -> Math.exp(x);
      case MISH -> x * Math.tanh(softplus(x));
    };
  }

  /** dy/dx at input x with output y. */
  public double slope(double x, double y) {
    return switch (this) {
      case LINEAR -> 1;
      case RELU -> y > 0 ? 1 : 0;
      case SIGMOID -> y * (1 - y);
      case TANH -> 1 - y * y;
      // these three have y > 0 exactly where x > 0
      case LEAKY_RELU -> y > 0 ? 1 : LEAKY_SLOPE;
      case ELU -> y > 0 ? 1 : y + 1;
      case SELU -> y > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
      // Φ(x) = y / x, so only the density is left to compute
      case GELU -> (x == 0 ? 0.5 : y / x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
      case SWISH -> {
        double s = sigmoid(x);
        yield s + x * s * (1 - s);
      }
      case SOFTPLUS -> sigmoid(x);
      case SOFTSIGN -> {
        double d = 1 + Math.abs(x);
        yield 1 / (d * d);
      }
      case HARD_SIGMOID -> x >= -3 && x <= 3 ? 1.0 / 6 : 0;
      case HARD_SWISH -> hardSigmoid(x) + (x >= -3 && x <= 3 ? x / 6 : 0);
      case RELU6 -> x >= 0 && x <= 6 ? 1 : 0;
      case EXPONENTIAL -> y;
      case MISH -> {
        double t = Math.tanh(softplus(x));
        yield t + x * (1 - t * t) * sigmoid(x);
      }
    };
  }

  /** y[i] = f(x[i]) for i in [from, to); x and y may be the same array. */
  void forward(float[] x, float[] y, int from, int to) {
    switch (this) {
      case LINEAR -> System.arraycopy(x, from, y, from, to - from);
      case RELU -> {
        for (int i = from; i < to; i++) {
          y[i] = Math.max(x[i], 0f);
        }
      }
      case GELU -> {
        for (int i = from; i < to; i++) {
          y[i] = (float) (0.5 * x[i] * (1 + erfForFloat(x[i] * SQRT_HALF)));
        }
      }
      case ELU -> {
        for (int i = from; i < to; i++) {
          y[i] = x[i] > 0 ? x[i] : (float) (Math.exp(x[i]) - 1);
        }
      }
      case LEAKY_RELU -> {
        float slope = (float) LEAKY_SLOPE;
        for (int i = from; i < to; i++) {
          y[i] = PositiveSelect.select(x[i], x[i], x[i] * slope);
        }
      }
      case RELU6 -> {
        for (int i = from; i < to; i++) {
          y[i] = Math.min(Math.max(x[i], 0f), 6f);
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          y[i] = (float) value(x[i]);
        }
      }
    }
  }

  /**
   * out[i] = g[i]·f'(x[i]) for i in [from, to), given the input x (may be null when not {@link
   * #needsInput}) and the output y.
   */
  void backward(float[] x, float[] y, float[] g, float[] out, int from, int to) {
    switch (this) {
      case LINEAR -> System.arraycopy(g, from, out, from, to - from);
      case RELU -> {
        for (int i = from; i < to; i++) {
          out[i] = PositiveSelect.select(y[i], g[i], 0f);
        }
      }
      case SIGMOID -> {
        for (int i = from; i < to; i++) {
          out[i] = g[i] * (y[i] * (1 - y[i]));
        }
      }
      case TANH -> {
        for (int i = from; i < to; i++) {
          out[i] = g[i] - g[i] * y[i] * y[i];
        }
      }
      case LEAKY_RELU -> {
        float slope = (float) LEAKY_SLOPE;
        for (int i = from; i < to; i++) {
          out[i] = PositiveSelect.select(y[i], g[i], g[i] * slope);
        }
      }
      case ELU -> {
        for (int i = from; i < to; i++) {
          out[i] = PositiveSelect.select(y[i], g[i], g[i] * (y[i] + 1));
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          out[i] = (float) (g[i] * slope(x == null ? 0 : x[i], y[i]));
        }
      }
    }
  }

  /** The float64 values, always by the formulas above. */
  public void forward(double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = value(x[i]);
    }
  }

  /** The float64 input gradient by the formulas above; relu's as its float32 loop's. */
  public void backward(double[] x, double[] y, double[] g, double[] out, int n) {
    if (this == RELU) {
      // g or +0, never g·0, which is −0 for a negative g and NaN for an infinite one
      for (int i = 0; i < n; i++) {
        out[i] = PositiveSelect.select(y[i], g[i], 0.0);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      out[i] = g[i] * slope(x == null ? 0 : x[i], y[i]);
    }
  }

  /** Abramowitz and Stegun 7.1.26: erf(x) ≈ 1 − t·P(t)·e^(−x²), t = 1/(1 + p·x), for x ≥ 0. */
  static final double AS_P = 0.3275911;

  static final double[] AS_COEFFICIENTS = {
    0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429
  };

  /**
   * erf to about 1.5e-7 (Abramowitz and Stegun 7.1.26), below float32's resolution near 1 and one
   * exp instead of Erf's series; float64 keeps the exact {@link Erf#erf}.
   */
  private static double erfForFloat(double x) {
    double ax = Math.abs(x);
    double t = 1 / (1 + AS_P * ax);
    double poly = AS_COEFFICIENTS[4];
    for (int c = 3; c >= 0; c--) {
      poly = poly * t + AS_COEFFICIENTS[c];
    }
    return Math.copySign(1 - t * poly * Math.exp(-ax * ax), x);
  }

  private static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  private static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** Keras 3's form, clip(x/6 + 0.5, 0, 1). */
  private static double hardSigmoid(double x) {
    return Math.min(Math.max(x / 6 + 0.5, 0), 1);
  }
}
