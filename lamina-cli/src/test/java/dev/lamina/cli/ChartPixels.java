package dev.lamina.cli;

import java.awt.image.BufferedImage;

/** Looks for XChart's first two series colours (blue and orange) in a rendered chart. */
final class ChartPixels {
  private ChartPixels() {}

  static boolean hasSeriesColors(BufferedImage image) {
    int blue = 0;
    int orange = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (b > 180 && r < 120 && g < 140) {
          blue++;
        } else if (r > 200 && g > 130 && g < 210 && b < 90) {
          orange++;
        }
      }
    }
    return blue > 50 && orange > 50;
  }
}
