package dev.lamina.optimizers.schedules;

/** Argument checks shared by the schedules. */
final class Checks {
  private Checks() {}

  static void positiveSteps(String schedule, long decaySteps) {
    if (decaySteps <= 0) {
      throw new IllegalArgumentException(schedule + ": decaySteps must be > 0, got " + decaySteps);
    }
  }

  static void rate(String schedule, double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          schedule + ": the initial learning rate must be finite and ≥ 0, got " + rate);
    }
  }
}
