package dev.lamina.examples;

import dev.lamina.History;
import dev.lamina.report.LearningCurves;
import java.nio.file.Path;

/** Where the lessons keep their learning curves, and the best values read off them. */
final class Curves {
  /**
   * Relative to the working directory, where {@code examples/run} starts from the repository root;
   * the property {@code lamina.examples.runs} moves it (the tests write into the build).
   */
  static final Path ROOT = Path.of(System.getProperty("lamina.examples.runs", "runs/examples"));

  private Curves() {}

  /**
   * Saves one run as {@code runs/examples/<lesson>/<run>-learning-curves.png}, its best validation
   * (else training) loss marked, and the numbers as {@code <run>-history.csv}.
   */
  static void save(String lesson, String run, History history) {
    Path folder = ROOT.resolve(lesson);
    history.writeCsv(folder.resolve(run + "-history.csv"));
    String monitored = history.keys().contains("val_loss") ? "val_loss" : "loss";
    LearningCurves.write(
        LearningCurves.png(history, history.bestEpoch(monitored, false)),
        folder.resolve(run + "-learning-curves.png"));
  }

  /** The lowest value of {@code key} over the epochs, NaN when every epoch is NaN. */
  static double lowest(History history, String key) {
    int best = history.bestEpoch(key, false);
    return best < 0 ? Double.NaN : history.get(key)[best];
  }

  /** The highest value of {@code key} over the epochs, NaN when every epoch is NaN. */
  static double highest(History history, String key) {
    int best = history.bestEpoch(key, true);
    return best < 0 ? Double.NaN : history.get(key)[best];
  }
}
