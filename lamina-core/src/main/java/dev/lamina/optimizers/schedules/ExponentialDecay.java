package dev.lamina.optimizers.schedules;

/** {@code initial · decayRate^(step / decaySteps)}, the exponent floored when {@code staircase}. */
public record ExponentialDecay(
    double initialLearningRate, long decaySteps, double decayRate, boolean staircase)
    implements LearningRateSchedule {

  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false);
  }

  public ExponentialDecay {
    Checks.positiveSteps("ExponentialDecay", decaySteps);
    Checks.rate("ExponentialDecay", initialLearningRate);
  }

  @Override
  public double rate(long step) {
    double p = (double) step / decaySteps;
    return initialLearningRate * Math.pow(decayRate, staircase ? Math.floor(p) : p);
  }
}
