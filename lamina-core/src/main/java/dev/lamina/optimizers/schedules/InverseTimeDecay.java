package dev.lamina.optimizers.schedules;

/** {@code initial / (1 + decayRate · step / decaySteps)}, the ratio floored when staircase. */
public record InverseTimeDecay(
    double initialLearningRate, long decaySteps, double decayRate, boolean staircase)
    implements LearningRateSchedule {

  public InverseTimeDecay {
    Checks.positiveSteps("InverseTimeDecay", decaySteps);
    Checks.rate("InverseTimeDecay", initialLearningRate);
  }

  @Override
  public double rate(long step) {
    double p = (double) step / decaySteps;
    return initialLearningRate / (1 + decayRate * (staircase ? Math.floor(p) : p));
  }
}
