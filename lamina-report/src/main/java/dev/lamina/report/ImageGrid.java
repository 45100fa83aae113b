package dev.lamina.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Grey images in a grid, each enlarged and captioned beneath (for example misclassified test images
 * with their true and predicted class), as one PNG.
 */
public final class ImageGrid {
  private static final int CAPTION_HEIGHT = 30;
  private static final int GAP = 6;

  private ImageGrid() {}

  /**
   * One cell per image. {@code pixels} holds the images one after another, each {@code height ×
   * width} values in row-major order scaled to [0, 1]; {@code captions} has one or two lines per
   * image (lines split at a newline).
   */
  public static byte[] png(
      float[] pixels, int height, int width, List<String> captions, int columns, int scale) {
    int count = captions.size();
    if (count == 0 || pixels.length != count * height * width || columns <= 0 || scale <= 0) {
      throw new IllegalArgumentException(
          "ImageGrid.png: expected "
              + count
              + " images of "
              + height
              + "×"
              + width
              + " ("
              + (long) count * height * width
              + " values), got "
              + pixels.length
              + " values, columns "
              + columns
              + ", scale "
              + scale);
    }
    int rows = (count + columns - 1) / columns;
    int cellWidth = Math.max(width * scale, 110) + GAP;
    int cellHeight = height * scale + CAPTION_HEIGHT + GAP;
    BufferedImage image =
        new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i < count; i++) {
        int left = (i % columns) * cellWidth;
        int top = (i / columns) * cellHeight;
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            float v = Math.max(0f, Math.min(1f, pixels[(i * height + y) * width + x]));
            int grey = Math.round(255 * (1 - v)); // dark strokes on white, as printed
            g.setColor(new Color(grey, grey, grey));
            g.fillRect(left + x * scale, top + y * scale, scale, scale);
          }
        }
        g.setColor(Color.BLACK);
        String[] lines = captions.get(i).split("\n", 2);
        for (int line = 0; line < lines.length; line++) {
          g.drawString(lines[line], left, top + height * scale + 12 + 13 * line);
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
