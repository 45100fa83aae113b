package dev.lamina.layers;

import dev.lamina.random.SeededRandom;
import java.util.Map;

/**
 * Keras's RandomZoom: while training, each image is scaled about its centre by {@code 1 + f}, with
 * {@code f} drawn uniformly from the height factor (a number for {@code [-f, f]}, or two numbers
 * for a range, each in {@code (-1, 1]}); a positive {@code f} zooms out (the image shrinks and the
 * border is filled by the fill mode, default {@code reflect}), a negative one zooms in. Without a
 * width factor both axes use the height's draw, keeping the aspect ratio.
 */
public final class RandomZoom extends RandomAffineLayer<RandomZoom> {
  private final Factor height;
  private final Factor width;

  /** Zooms of up to {@code ±heightFactor} on both axes together. */
  public RandomZoom(double heightFactor) {
    this(new double[] {heightFactor}, null);
  }

  /** Independent zooms of up to {@code ±heightFactor} and {@code ±widthFactor}. */
  public RandomZoom(double heightFactor, double widthFactor) {
    this(new double[] {heightFactor}, new double[] {widthFactor});
  }

  /** Each factor one number ({@code ±f}) or two (a range); a null width zooms both axes alike. */
  public RandomZoom(double[] heightFactor, double[] widthFactor) {
    this.height = Factor.of("RandomZoom", "heightFactor", true, heightFactor);
    this.width =
        widthFactor == null ? null : Factor.of("RandomZoom", "widthFactor", true, widthFactor);
  }

  @Override
  public String className() {
    return "RandomZoom";
  }

  @Override
  double[][] drawMaps(int batch, int imageHeight, int imageWidth, SeededRandom random) {
    double[] rows = new double[2 * batch];
    double[] columns = new double[2 * batch];
    for (int b = 0; b < batch; b++) {
      rows[2 * b] = 1 + height.at(random.nextDouble());
    }
    for (int b = 0; b < batch; b++) {
      columns[2 * b] = width == null ? rows[2 * b] : 1 + width.at(random.nextDouble());
    }
    for (int b = 0; b < batch; b++) {
      rows[2 * b + 1] = centred(rows[2 * b], imageHeight);
      columns[2 * b + 1] = centred(columns[2 * b], imageWidth);
    }
    return new double[][] {rows, columns};
  }

  /** The offset that keeps the centre of an axis of {@code size} in place under {@code scale}. */
  static double centred(double scale, int size) {
    return (size - 1) / 2.0 * (1 - scale);
  }

  @Override
  void addFactors(Map<String, Object> config) {
    config.put("height_factor", height.config());
    config.put("width_factor", width == null ? null : width.config());
  }

  static RandomZoom fromConfig(LayerConfig config) {
    return new RandomZoom(
            Factor.fromConfig(config, "height_factor"), Factor.fromConfig(config, "width_factor"))
        .withAffineOptions(config);
  }
}
