package dev.lamina.losses;

import dev.lamina.Tensor;
import java.util.Map;

/**
 * Quadratic for small errors, linear for large ones: {@code 0.5·e²} if |e| ≤ δ, else {@code δ·|e| −
 * 0.5·δ²}, averaged over the last axis. Written as {@code 0.5·q² + δ·(|e| − q)} with {@code q =
 * min(|e|, δ)}, which is the same function with no branch.
 */
public final class Huber implements Loss {
  private final double delta;

  /** Keras's default δ = 1. */
  public Huber() {
    this(1.0);
  }

  public Huber(double delta) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("huber: delta must be finite and > 0, got " + delta);
    }
    this.delta = delta;
  }

  @Override
  public String name() {
    return "huber_loss";
  }

  @Override
  public Tensor perSample(Tensor yTrue, Tensor yPred) {
    Tensor error = yPred.sub(Targets.alignedTo(name(), yTrue, yPred)).abs();
    Tensor quadratic = error.minimum(delta);
    return quadratic.square().mul(0.5).add(error.sub(quadratic).mul(delta)).mean(-1);
  }

  @Override
  public Map<String, Object> config() {
    return Map.of("delta", delta);
  }
}
