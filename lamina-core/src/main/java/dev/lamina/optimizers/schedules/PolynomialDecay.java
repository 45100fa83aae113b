package dev.lamina.optimizers.schedules;

/**
 * {@code (initial − end)·(1 − s/decaySteps)^power + end} with {@code s = min(step, decaySteps)};
 * with {@code cycle}, decaySteps grows to the next multiple of itself past the step instead.
 */
public record PolynomialDecay(
    double initialLearningRate,
    long decaySteps,
    double endLearningRate,
    double power,
    boolean cycle)
    implements LearningRateSchedule {

  /** Keras's defaults: end rate 1e-4, power 1, no cycle. */
  public PolynomialDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, 1e-4, 1.0, false);
  }

  public PolynomialDecay {
    Checks.positiveSteps("PolynomialDecay", decaySteps);
    Checks.rate("PolynomialDecay", initialLearningRate);
  }

  @Override
  public double rate(long step) {
    double steps = decaySteps;
    double s = step;
    if (cycle) {
      steps = decaySteps * (step == 0 ? 1 : Math.ceil((double) step / decaySteps));
    } else {
      s = Math.min(step, decaySteps);
    }
    return (initialLearningRate - endLearningRate) * Math.pow(1 - s / steps, power)
        + endLearningRate;
  }
}
