package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The course's reference results (shared/data/README.md), reached by the lesson programs. */
class CourseResultsTest {

  @Test
  void redWineEarlyStoppingReachesValidationMaeOfAtMostPointOne() {
    Lesson4EarlyStopping.Result r = Lesson4EarlyStopping.run(150, 0);
    assertTrue(r.bestValMae() <= 0.10, "best validation MAE " + r.bestValMae());
  }

  @Test
  void ionosphereClassifierReachesValidationAccuracyOfAtLeastPointNine() {
    Lesson6BinaryClassification.Result r = Lesson6BinaryClassification.ionosphere(1000, 0);
    assertTrue(r.bestValAccuracy() >= 0.90, "best validation accuracy " + r.bestValAccuracy());
  }
}
