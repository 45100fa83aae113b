package dev.lamina.layers;

import dev.lamina.random.SeededRandom;
import java.util.Map;

/**
 * Keras's RandomTranslation: while training, each image is shifted by a random fraction of its
 * height and of its width, drawn uniformly from the height and width factors (a number {@code f}
 * for {@code [-f, f]}, or two numbers for a range, each in {@code [-1, 1]}); a positive height
 * shift moves the image down, a positive width shift to the right. Points shifted in from outside
 * are filled by the fill mode (default {@code reflect}).
 */
public final class RandomTranslation extends RandomAffineLayer<RandomTranslation> {
  private final Factor height;
  private final Factor width;

  /** Shifts of up to {@code ±heightFactor} of the height and {@code ±widthFactor} of the width. */
  public RandomTranslation(double heightFactor, double widthFactor) {
    this(new double[] {heightFactor}, new double[] {widthFactor});
  }

  /** Each factor one number ({@code ±f}) or two (a range), as Keras takes them. */
  public RandomTranslation(double[] heightFactor, double[] widthFactor) {
    this.height = Factor.of("RandomTranslation", "heightFactor", false, heightFactor);
    this.width = Factor.of("RandomTranslation", "widthFactor", false, widthFactor);
  }

  @Override
  public String className() {
    return "RandomTranslation";
  }

  @Override
  double[][] drawMaps(int batch, int imageHeight, int imageWidth, SeededRandom random) {
    double[] rows = new double[2 * batch];
    double[] columns = new double[2 * batch];
    for (int b = 0; b < batch; b++) {
      rows[2 * b + 1] = -height.at(random.nextDouble()) * imageHeight;
    }
    for (int b = 0; b < batch; b++) {
      columns[2 * b + 1] = -width.at(random.nextDouble()) * imageWidth;
    }
    for (int b = 0; b < batch; b++) {
      rows[2 * b] = 1;
      columns[2 * b] = 1;
    }
    return new double[][] {rows, columns};
  }

  @Override
  void addFactors(Map<String, Object> config) {
    config.put("height_factor", height.config());
    config.put("width_factor", width.config());
  }

  static RandomTranslation fromConfig(LayerConfig config) {
    return new RandomTranslation(
            Factor.fromConfig(config, "height_factor"), Factor.fromConfig(config, "width_factor"))
        .withAffineOptions(config);
  }
}
