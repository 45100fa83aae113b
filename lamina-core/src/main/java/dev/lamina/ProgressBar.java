package dev.lamina;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras 3's training output. verbose 1: {@code Epoch i/E}, then a 20-cell bar redrawn at most every
 * 0.05 s on an interactive console and a final line per epoch; verbose 2: one line per epoch;
 * verbose 0: nothing.
 */
final class ProgressBar {
  private static final int CELLS = 20;
  private final PrintStream out;
  private final int verbose;
  private final int epochs;

  // Console.isTerminal() (JDK 22), the check for JDK 22+ where console() is never null, is not
  // in the Java 17 baseline.
  @SuppressWarnings("SystemConsoleNull")
  private final boolean interactive = System.console() != null;

  private long epochStart;
  private long lastDraw;

  ProgressBar(PrintStream out, int verbose, int epochs) {
    this.out = out;
    this.verbose = verbose;
    this.epochs = epochs;
  }

  void epochBegin(int epoch) {
    epochStart = System.nanoTime();
    lastDraw = 0;
    if (verbose == 1 && epochs > 1) {
      out.println("Epoch " + (epoch + 1) + "/" + epochs);
    }
  }

  void batchEnd(int step, int steps, Map<String, Double> logs) {
    long now = System.nanoTime();
    if (verbose == 1 && interactive && step < steps && now - lastDraw > 50_000_000L) {
      double perStep = (now - epochStart) / 1e9 / step;
      out.print(
          "\r"
              + bar(step, steps)
              + " "
              + formatEta(perStep * (steps - step))
              + " "
              + perStep(perStep)
              + values(logs));
      out.flush();
      lastDraw = now;
    }
  }

  void epochEnd(int steps, Map<String, Double> logs) {
    double seconds = (System.nanoTime() - epochStart) / 1e9;
    double perStep = steps == 0 ? 0 : seconds / steps;
    String elapsed = String.format(Locale.ROOT, "%.0fs", seconds);
    if (verbose == 1) {
      out.println(
          (interactive ? "\r" : "")
              + bar(steps, steps)
              + " "
              + elapsed
              + " "
              + perStep(perStep)
              + values(logs));
    } else if (verbose == 2) {
      out.println(steps + "/" + steps + " - " + elapsed + " - " + perStep(perStep) + values(logs));
    }
  }

  private static String bar(int step, int steps) {
    String counter = String.format("%" + String.valueOf(steps).length() + "d/%d", step, steps);
    int done = steps == 0 ? CELLS : (int) ((long) CELLS * step / steps);
    return counter + " " + "━".repeat(done) + " ".repeat(CELLS - done);
  }

  private static String formatEta(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    return s < 3600
        ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
  }

  private static String perStep(double seconds) {
    if (seconds >= 1 || seconds == 0) {
      return String.format(Locale.ROOT, "%.0fs/step", seconds);
    }
    if (seconds >= 1e-3) {
      return String.format(Locale.ROOT, "%.0fms/step", seconds * 1e3);
    }
    return String.format(Locale.ROOT, "%.0fus/step", seconds * 1e6);
  }

  /** " - key: value" for each logged value, keys sorted as Keras 3 sorts them. */
  static String values(Map<String, Double> logs) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(logs).forEach((k, v) -> s.append(" - ").append(k).append(": ").append(number(v)));
    return s.toString();
  }

  static String number(double v) {
    return Math.abs(v) > 1e-3
        ? String.format(Locale.ROOT, "%.4f", v)
        : String.format(Locale.ROOT, "%.4e", v);
  }
}
