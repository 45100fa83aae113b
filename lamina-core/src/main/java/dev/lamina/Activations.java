package dev.lamina;

/**
 * Activations composed from primitives, so they need no gradient code of their own. Stability comes
 * from the composition: softmax shifts by the (detached) maximum first.
 */
final class Activations {
  private static final double SQRT_HALF = Math.sqrt(0.5);

  private Activations() {}

  static Tensor leakyRelu(Tensor x, double alpha) {
    return Tensor.where(x.greater(0), x, x.mul(alpha));
  }

  /** The negative branch sees min(x, 0) so that exp cannot overflow where it is not selected. */
  static Tensor elu(Tensor x, double alpha) {
    Tensor negative = x.clip(Double.NEGATIVE_INFINITY, 0).exp().sub(1).mul(alpha);
    return Tensor.where(x.greater(0), x, negative);
  }

  static Tensor gelu(Tensor x) {
    return x.mul(x.mul(SQRT_HALF).erf().add(1)).mul(0.5);
  }

  static Tensor swish(Tensor x) {
    return x.mul(x.sigmoid());
  }

  static Tensor softmax(Tensor x, int axis) {
    Tensor e = shifted(x, Axis.normalize("softmax", axis, x.shape)).exp();
    return e.div(e.sum(axis, true));
  }

  static Tensor logSoftmax(Tensor x, int axis) {
    Tensor z = shifted(x, Axis.normalize("logSoftmax", axis, x.shape));
    return z.sub(z.exp().sum(axis, true).log());
  }

  /** x − max(x) along the axis; the maximum is a constant, softmax does not depend on it. */
  private static Tensor shifted(Tensor x, int axis) {
    return x.sub(x.max(axis, true).detach());
  }
}
