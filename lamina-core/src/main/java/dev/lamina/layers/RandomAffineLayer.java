package dev.lamina.layers;

import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What Keras's RandomTranslation and RandomZoom share: while training, each image of {@code (batch,
 * height, width, channels)} is resampled through a randomly drawn axis-aligned map (see {@link
 * AxisResampler}) with Keras's {@code fill_mode} (default {@code reflect}), {@code interpolation}
 * (default {@code bilinear}) and {@code fill_value}; at inference images pass unchanged. Draws come
 * from the layer's own stream, split from the model seed at build (or from {@link #seed(long)}), so
 * a seeded run repeats.
 *
 * @param <SELF> the concrete layer, so that the fluent options return it
 */
public abstract class RandomAffineLayer<SELF extends RandomAffineLayer<SELF>>
    extends BaseLayer<SELF> {
  private String fillMode = "reflect";
  private String interpolation = "bilinear";
  private double fillValue;
  private Long seed;
  private SeededRandom draws;

  /** {@code reflect} (the default), {@code wrap}, {@code constant} or {@code nearest}. */
  public final SELF fillMode(String fillMode) {
    this.fillMode =
        AxisResampler.check(className(), "fillMode", fillMode, AxisResampler.FILL_MODES);
    return self();
  }

  /** {@code bilinear} (the default) or {@code nearest}. */
  public final SELF interpolation(String interpolation) {
    this.interpolation =
        AxisResampler.check(
            className(), "interpolation", interpolation, AxisResampler.INTERPOLATIONS);
    return self();
  }

  /** The value of points outside the image with fill mode {@code constant} (default 0). */
  public final SELF fillValue(double fillValue) {
    this.fillValue = fillValue;
    return self();
  }

  /** Draws from this seed instead of the model's, as Keras's {@code seed=} does. */
  public final SELF seed(long seed) {
    this.seed = seed;
    return self();
  }

  @Override
  public final int[] outputShape(int[] inputShape) {
    return ImageShape.require(describe(), inputShape);
  }

  @Override
  protected final void createWeights(int[] inputShape, SeededRandom random) {
    draws = seed != null ? new SeededRandom(seed) : random.split();
  }

  @Override
  protected final Tensor forward(Tensor inputs, Phase phase) {
    if (phase != Phase.TRAINING) {
      return inputs;
    }
    int[] shape = inputs.shape();
    outputShape(Arrays.copyOfRange(shape, 1, shape.length));
    double[][] maps = drawMaps(shape[0], shape[1], shape[2], draws);
    return transform(inputs, maps[0], maps[1]);
  }

  /**
   * Resamples {@code images} through the given maps ({@code scale, offset} per sample, from output
   * to input coordinates), with this layer's fill and interpolation; the transform of a training
   * step once its random maps are drawn.
   */
  final Tensor transform(Tensor images, double[] rowMap, double[] columnMap) {
    AxisResampler resampler =
        new AxisResampler(images.shape(), rowMap, columnMap, fillMode, interpolation, fillValue);
    Tensor out =
        Tensor.ofDouble(resampler.forward(images.toDoubleArray()), images.shape())
            .to(images.dtype());
    return Tensor.fromOp(
        "random" + className().substring("Random".length()),
        out,
        List.of(images),
        g ->
            List.of(
                Tensor.ofDouble(resampler.backward(g.toDoubleArray()), g.shape()).to(g.dtype())));
  }

  /**
   * Draws the row and column maps of a batch ({@code scale, offset} per sample) for images of
   * {@code height × width}, in Keras's order: the height factors of every sample, then the widths.
   */
  abstract double[][] drawMaps(int batch, int height, int width, SeededRandom random);

  @Override
  protected final void addConfig(Map<String, Object> config) {
    addFactors(config);
    config.put("fill_mode", fillMode);
    config.put("interpolation", interpolation);
    config.put("seed", seed);
    config.put("fill_value", fillValue);
  }

  /** Puts {@code height_factor} and {@code width_factor}. */
  abstract void addFactors(Map<String, Object> config);

  /** Restores the options {@link #addConfig} wrote onto this freshly made layer. */
  final SELF withAffineOptions(LayerConfig config) {
    fillMode(config.string("fill_mode", "reflect"));
    interpolation(config.string("interpolation", "bilinear"));
    fillValue(config.number("fill_value", 0));
    if (config.values().get("seed") != null) {
      seed((long) config.number("seed", 0));
    }
    return withCommonOptions(config.values());
  }

  @SuppressWarnings("unchecked")
  private SELF self() {
    return (SELF) this;
  }
}
