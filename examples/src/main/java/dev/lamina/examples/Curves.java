package dev.lamina.examples;

import dev.lamina.History;
import java.nio.file.Path;

/** Where the lessons keep their learning curves, and the best values read off them. */
final class Curves {
  /**
   * Relative to the working directory, where {@code examples/run} starts from the repository
   * root; the property {@code lamina.examples.runs} moves it (the tests write into the build).
   */
  static final Path ROOT = Path.of(System.getProperty("lamina.examples.runs", "runs/examples"));

  private Curves() {}

  /** Saves the history of one run as {@code runs/examples/<lesson>/<run>-history.csv}. */
  static Path save(String lesson, String run, History history) {
    Path file = ROOT.resolve(lesson).resolve(run + "-history.csv");
    history.writeCsv(file);
    return file;
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
