package dev.lamina;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras 3's summary table: a box of three columns (layer name and type, output shape with None for
 * the batch axis, parameter count), then the totals with their memory in float32 bytes.
 */
final class ModelSummary {
  private static final int[] WIDTHS = {31, 22, 13};

  /** One layer's row; {@code params} is -1 for a layer that is not built yet. */
  record Row(String layer, String outputShape, long params) {}

  /**
   * @param optimizerParams elements held by the optimizer (its step counter, learning rate and
   *     slots), or -1 before the optimizer has taken a step
   * @param optimizerBytes their memory
   */
  record Totals(long trainable, long nonTrainable, long optimizerParams, long optimizerBytes) {}

  private ModelSummary() {}

  static String format(String modelName, List<Row> rows, Totals totals) {
    StringBuilder out = new StringBuilder("Model: \"" + modelName + "\"\n");
    out.append(border('┏', '━', '┳', '┓'));
    out.append(line('┃', List.of("Layer (type)", "Output Shape", "Param #")));
    out.append(border('┡', '━', '╇', '┩'));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String params = row.params() < 0 ? "0 (unbuilt)" : grouped(row.params());
      out.append(line('│', List.of(row.layer(), row.outputShape(), params)));
      out.append(i < rows.size() - 1 ? border('├', '─', '┼', '┤') : border('└', '─', '┴', '┘'));
    }
    long modelParams = totals.trainable() + totals.nonTrainable();
    long modelBytes = 4 * modelParams;
    boolean withOptimizer = totals.optimizerParams() >= 0;
    long total = modelParams + (withOptimizer ? totals.optimizerParams() : 0);
    long totalBytes = modelBytes + (withOptimizer ? totals.optimizerBytes() : 0);
    out.append(footer("Total params", total, totalBytes));
    out.append(footer("Trainable params", totals.trainable(), 4 * totals.trainable()));
    out.append(footer("Non-trainable params", totals.nonTrainable(), 4 * totals.nonTrainable()));
    if (withOptimizer) {
      out.append(footer("Optimizer params", totals.optimizerParams(), totals.optimizerBytes()));
    }
    return out.toString();
  }

  /** "(None, 512)" for a per-sample shape [512]. */
  static String shape(int[] perSample) {
    if (perSample == null) {
      return "?";
    }
    StringBuilder s = new StringBuilder("(None");
    for (int dim : perSample) {
      s.append(", ").append(dim);
    }
    return s.append(')').toString();
  }

  private static String border(char left, char fill, char cross, char right) {
    StringBuilder s = new StringBuilder().append(left);
    for (int c = 0; c < WIDTHS.length; c++) {
      s.append(String.valueOf(fill).repeat(WIDTHS[c] + 2))
          .append(c < WIDTHS.length - 1 ? cross : right);
    }
    return s.append('\n').toString();
  }

  /** One table line per wrapped line of the longest cell; the last column is right-aligned. */
  private static String line(char edge, List<String> cells) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int c = 0; c < cells.size(); c++) {
      List<String> parts = wrap(cells.get(c), WIDTHS[c]);
      wrapped.add(parts);
      height = Math.max(height, parts.size());
    }
    StringBuilder s = new StringBuilder();
    for (int l = 0; l < height; l++) {
      s.append(edge);
      for (int c = 0; c < cells.size(); c++) {
        String text = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : "";
        String padded =
            c == cells.size() - 1
                ? " ".repeat(WIDTHS[c] - text.length()) + text
                : text + " ".repeat(WIDTHS[c] - text.length());
        s.append(' ').append(padded).append(' ').append(edge);
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Greedy word wrap, as rich wraps cells; a word longer than the column is folded. */
  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() <= width) {
        current.append(' ').append(word);
        continue;
      }
      if (current.length() > 0) {
        lines.add(current.toString());
        current.setLength(0);
      }
      while (word.length() > width) {
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  private static String footer(String label, long count, long bytes) {
    return " " + label + ": " + grouped(count) + " (" + readableSize((double) bytes) + ")\n";
  }

  static String grouped(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** Keras's readable_memory_size: base 1024, two decimals. */
  static String readableSize(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    for (String unit : units) {
      if (bytes / 1024 < 1) {
        return String.format(Locale.ROOT, "%.2f %s", bytes, unit);
      }
      bytes /= 1024;
    }
    return String.format(Locale.ROOT, "%.2f %s", bytes, units[units.length - 1]);
  }
}
