package dev.lamina.callbacks;

/** How logged numbers are written to CSV files: the shortest text that reads back exactly. */
public final class LogValues {
  private LogValues() {}

  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return Double.toString(value);
  }
}
