package dev.lamina.report;

import dev.lamina.History;
import dev.lamina.files.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves drawn from a {@link History}: one chart per quantity (loss first, then each
 * metric), the training series beside its {@code val_} twin, epochs from 1 on the x axis, the best
 * epoch marked by a vertical line. The charts are stacked in one PNG.
 */
public final class LearningCurves {
  private static final int WIDTH = 800;
  private static final int CHART_HEIGHT = 360;

  private LearningCurves() {}

  /** The quantities to plot: keys without the {@code val_} prefix, loss first. */
  public static List<String> quantities(History history) {
    List<String> names = new ArrayList<>();
    if (history.keys().contains("loss")) {
      names.add("loss");
    }
    for (String key : history.keys()) {
      if (!key.startsWith("val_") && !key.equals("loss") && !key.equals("learning_rate")) {
        names.add(key);
      }
    }
    return names;
  }

  /**
   * The stacked charts as a PNG image.
   *
   * @param bestEpoch the 0-based epoch to mark, or -1 for none
   */
  public static BufferedImage render(History history, int bestEpoch) {
    List<String> names = quantities(history);
    if (names.isEmpty() || history.epochs() == 0) {
      throw new IllegalArgumentException(
          "LearningCurves.render: the history has no epochs to plot (keys " + history.keys() + ")");
    }
    BufferedImage image =
        new BufferedImage(WIDTH, CHART_HEIGHT * names.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < names.size(); i++) {
        g.drawImage(
            BitmapEncoder.getBufferedImage(chart(history, names.get(i), bestEpoch)),
            0,
            i * CHART_HEIGHT,
            null);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** {@link #render} encoded as PNG bytes. */
  public static byte[] png(History history, int bestEpoch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(history, bestEpoch), "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("LearningCurves: cannot encode the PNG", e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@link #png} to {@code file} atomically. */
  public static void write(byte[] png, Path file) {
    AtomicFile.write(file, png);
  }

  private static XYChart chart(History history, String name, int bestEpoch) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(CHART_HEIGHT)
            .title(name)
            .xAxisTitle("epoch")
            .yAxisTitle(name)
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    addSeries(chart, name, history.get(name), range);
    if (history.keys().contains("val_" + name)) {
      addSeries(chart, "val_" + name, history.get("val_" + name), range);
    }
    if (bestEpoch >= 0 && range[0] <= range[1]) {
      XYSeries best =
          chart.addSeries(
              "best epoch " + (bestEpoch + 1),
              new double[] {bestEpoch + 1, bestEpoch + 1},
              new double[] {range[0], range[1]});
      best.setMarker(SeriesMarkers.NONE);
      best.setLineColor(Color.GRAY);
    }
    return chart;
  }

  /** Adds the finite points of one series (epochs from 1) and widens the value range. */
  private static void addSeries(XYChart chart, String label, double[] values, double[] range) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int e = 0; e < values.length; e++) {
      if (Double.isFinite(values[e])) {
        xs.add(e + 1.0);
        ys.add(values[e]);
        range[0] = Math.min(range[0], values[e]);
        range[1] = Math.max(range[1], values[e]);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries series = chart.addSeries(label, xs, ys);
      if (xs.size() > 40) {
        series.setMarker(SeriesMarkers.NONE);
      }
    }
  }
}
