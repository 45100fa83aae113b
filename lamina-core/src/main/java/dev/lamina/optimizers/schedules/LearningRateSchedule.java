package dev.lamina.optimizers.schedules;

/**
 * A learning rate as a function of the optimizer's step: the number of updates already applied (0
 * for the first update), as Keras evaluates its schedules.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  double rate(long step);
}
