package dev.lamina.fused;

/**
 * A built-in loss and its gradient with respect to the predictions, written directly: Keras's
 * "sum over batch size" reduction (Σ weight · per-sample loss / rows), per-sample losses averaged
 * (MAE, MSE, BCE) or summed (CCE) over the last axis, probabilities clipped to [ε, 1 − ε] as
 * Keras clips them.
 */
public final class LossGradient {
  private static final double EPSILON = 1e-7;

  private enum Kind {
    MAE,
    MSE,
    BCE,
    BCE_LOGITS,
    CCE,
    CCE_LOGITS
  }

  private final Kind kind;
  private final double smoothing;

  private LossGradient(Kind kind, double smoothing) {
    this.kind = kind;
    this.smoothing = smoothing;
  }

  /**
   * The fused form of a loss by its Keras name, or null when only autograd computes it.
   *
   * @param smoothing label smoothing (0 for none; only the cross-entropies use it)
   */
  public static LossGradient of(String kerasName, boolean fromLogits, double smoothing) {
    Kind kind =
        switch (kerasName) {
          case "mean_absolute_error" -> Kind.MAE;
          case "mean_squared_error" -> Kind.MSE;
          case "binary_crossentropy" -> fromLogits ? Kind.BCE_LOGITS : Kind.BCE;
          case "categorical_crossentropy" -> fromLogits ? Kind.CCE_LOGITS : Kind.CCE;
          default -> null;
        };
    return kind == null ? null : new LossGradient(kind, smoothing);
  }

  /**
   * Writes dLoss/dPred into {@code grad} and returns the batch loss.
   *
   * @param weights one weight per row, or null
   */
  public double compute(
      float[] pred, float[] y, float[] weights, int rows, int cols, float[] grad) {
    if (kind == Kind.BCE || kind == Kind.BCE_LOGITS) {
      requireProbabilities(y, rows * cols, cols);
    }
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double w = weights == null ? 1 : weights[r];
      double perSample =
          switch (kind) {
            case MAE, MSE, BCE, BCE_LOGITS -> averaged(pred, y, r * cols, cols, grad, w / rows);
            case CCE -> crossEntropy(pred, y, r * cols, cols, grad, w / rows);
            case CCE_LOGITS -> crossEntropyLogits(pred, y, r * cols, cols, grad, w / rows);
          };
      total += w * perSample;
    }
    return total / Math.max(1, rows);
  }

  /** The mean over the row's columns of an elementwise loss; its gradient scaled by {@code scale}. */
  private double averaged(float[] p, float[] y, int start, int cols, float[] grad, double scale) {
    double sum = 0;
    double perElement = scale / cols;
    for (int i = start; i < start + cols; i++) {
      double d = p[i] - y[i];
      switch (kind) {
        case MAE -> {
          sum += Math.abs(d);
          grad[i] = (float) (Math.signum(d) * perElement);
        }
        case MSE -> {
          sum += d * d;
          grad[i] = (float) (2 * d * perElement);
        }
        case BCE -> {
          double t = smoothed(y[i], 0.5 * smoothing);
          double c = Math.min(Math.max(p[i], EPSILON), 1 - EPSILON);
          sum -= t * Math.log(c) + (1 - t) * Math.log(1 - c);
          boolean inside = p[i] >= EPSILON && p[i] <= 1 - EPSILON;
          grad[i] = inside ? (float) ((-t / c + (1 - t) / (1 - c)) * perElement) : 0f;
        }
        default -> {
          double t = smoothed(y[i], 0.5 * smoothing);
          double z = p[i];
          sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - t * z;
          grad[i] = (float) ((FusedActivation.sigmoid(z) - t) * perElement);
        }
      }
    }
    return sum / cols;
  }

  /** −Σ t·log(clip(p / Σp)) over the row, as Keras's cross-entropy on probabilities. */
  private double crossEntropy(float[] p, float[] y, int start, int cols, float[] grad, double scale) {
    double total = 0;
    for (int i = start; i < start + cols; i++) {
      total += p[i];
    }
    double loss = 0;
    double dot = 0;
    for (int i = start; i < start + cols; i++) {
      double t = smoothed(y[i], smoothing / cols);
      double q = p[i] / total;
      double c = Math.min(Math.max(q, EPSILON), 1 - EPSILON);
      loss -= t * Math.log(c);
      double dq = q >= EPSILON && q <= 1 - EPSILON ? -t / c : 0;
      grad[i] = (float) dq;
      dot += dq * q;
    }
    for (int i = start; i < start + cols; i++) {
      grad[i] = (float) ((grad[i] - dot) / total * scale);
    }
    return loss;
  }

  /** −Σ t·log softmax(z) over the row. */
  private double crossEntropyLogits(
      float[] z, float[] y, int start, int cols, float[] grad, double scale) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = start; i < start + cols; i++) {
      max = Math.max(max, z[i]);
    }
    double sumExp = 0;
    for (int i = start; i < start + cols; i++) {
      sumExp += Math.exp(z[i] - max);
    }
    double logSum = max + Math.log(sumExp);
    double loss = 0;
    double targetSum = 0;
    for (int i = start; i < start + cols; i++) {
      double t = smoothed(y[i], smoothing / cols);
      loss -= t * (z[i] - logSum);
      targetSum += t;
    }
    for (int i = start; i < start + cols; i++) {
      double t = smoothed(y[i], smoothing / cols);
      grad[i] = (float) ((Math.exp(z[i] - logSum) * targetSum - t) * scale);
    }
    return loss;
  }

  /** Binary cross-entropy's targets must be probabilities, as Keras's loss requires. */
  private static void requireProbabilities(float[] y, int n, int cols) {
    for (int i = 0; i < n; i++) {
      if (!(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            "binary_crossentropy: targets must lie in [0, 1], got " + y[i] + " in batch row "
                + (i / cols) + (cols > 1 ? ", column " + (i % cols) : ""));
      }
    }
  }

  private double smoothed(float target, double spread) {
    return smoothing == 0 ? target : target * (1 - smoothing) + spread;
  }
}
