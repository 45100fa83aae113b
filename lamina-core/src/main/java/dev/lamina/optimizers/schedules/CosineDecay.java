package dev.lamina.optimizers.schedules;

/**
 * Cosine decay from the initial rate (or, after a linear warm-up of {@code warmupSteps}, from
 * {@code warmupTarget}) down to {@code alpha} times it over {@code decaySteps}.
 */
public record CosineDecay(
    double initialLearningRate,
    long decaySteps,
    double alpha,
    double warmupTarget,
    long warmupSteps)
    implements LearningRateSchedule {

  /** Keras's defaults: alpha 0, no warm-up. */
  public CosineDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, 0.0, Double.NaN, 0);
  }

  public CosineDecay {
    Checks.positiveSteps("CosineDecay", decaySteps);
    Checks.rate("CosineDecay", initialLearningRate);
    if (warmupSteps < 0) {
      throw new IllegalArgumentException(
          "CosineDecay: warmupSteps must be ≥ 0, got " + warmupSteps);
    }
  }

  @Override
  public double rate(long step) {
    boolean warmup = !Double.isNaN(warmupTarget) && warmupSteps > 0;
    if (warmup && step < warmupSteps) {
      return initialLearningRate + (warmupTarget - initialLearningRate) * step / warmupSteps;
    }
    double start = warmup ? warmupTarget : initialLearningRate;
    double s = Math.min(step - (warmup ? warmupSteps : 0), decaySteps);
    double cosine = 0.5 * (1 + Math.cos(Math.PI * s / decaySteps));
    return start * ((1 - alpha) * cosine + alpha);
  }
}
