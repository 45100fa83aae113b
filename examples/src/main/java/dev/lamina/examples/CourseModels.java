package dev.lamina.examples;

import dev.lamina.Sequential;
import dev.lamina.layers.Dense;

/** The networks that several lessons share. */
final class CourseModels {
  private CourseModels() {}

  /** The course's regression network: Dense(512, relu) three times, then a linear Dense(1). */
  static Sequential threeBy512(int features, long seed) {
    return new Sequential(
            new Dense(512, "relu").inputShape(features),
            new Dense(512, "relu"),
            new Dense(512, "relu"),
            new Dense(1))
        .seed(seed);
  }
}
