package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.History;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {

  private static History history(int epochs, boolean withVal) {
    History history = new History();
    for (int e = 0; e < epochs; e++) {
      double loss = 1.0 / (e + 1);
      history.record(
          withVal
              ? Map.of("loss", loss, "val_loss", loss + 0.1, "mae", loss, "val_mae", loss + 0.2)
              : Map.of("loss", loss));
    }
    return history;
  }

  @Test
  void lossComesFirstThenEachMetric() {
    History history = history(3, true);
    history.record(
        Map.of("loss", 0.1, "val_loss", 0.2, "mae", 0.1, "val_mae", 0.3, "learning_rate", 0.001));
    assertEquals(List.of("loss", "mae"), LearningCurves.quantities(history));
  }

  @Test
  void pngStacksOneChartPerQuantityWithBothSeries() throws IOException {
    byte[] png = LearningCurves.png(history(10, true), 9);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(800, image.getWidth());
    assertEquals(2 * 360, image.getHeight());
    assertTrue(colourCount(image, 0, 360, true) > 50, "loss series drawn");
    assertTrue(colourCount(image, 0, 360, false) > 50, "val_loss series drawn");
    assertTrue(colourCount(image, 360, 720, true) > 50, "mae series drawn");
  }

  @Test
  void aSingleEpochWithoutValidationStillDraws() throws IOException {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(LearningCurves.png(history(1, false), 0)));
    assertEquals(360, image.getHeight());
    assertTrue(colourCount(image, 0, 360, true) > 10, "the one point is drawn");
  }

  @Test
  void nanValuesAreLeftOut() throws IOException {
    History history = history(4, true);
    history.record(
        Map.of(
            "loss",
            Double.NaN,
            "val_loss",
            Double.NaN,
            "mae",
            1.0,
            "val_mae",
            Double.POSITIVE_INFINITY));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(LearningCurves.png(history, 3)));
    assertEquals(720, image.getHeight());
  }

  @Test
  void anEmptyHistoryIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LearningCurves.png(new History(), -1));
    assertTrue(e.getMessage().contains("no epochs"), e.getMessage());
  }

  /** Pixels of XChart's first series colour (blue) or second (orange) in rows [from, to). */
  private static int colourCount(BufferedImage image, int from, int to, boolean blue) {
    int count = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        boolean match =
            blue ? b > 180 && r < 120 && g < 140 : r > 200 && g > 130 && g < 210 && b < 90;
        if (match) {
          count++;
        }
      }
    }
    return count;
  }
}
