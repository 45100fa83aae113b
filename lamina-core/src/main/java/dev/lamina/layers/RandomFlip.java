package dev.lamina.layers;

import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * Keras's RandomFlip augmentation: while training, each image of {@code (batch, height, width,
 * channels)} is mirrored left to right (mode {@code horizontal}), top to bottom ({@code vertical})
 * or each independently ({@code horizontal_and_vertical}, the default), each with probability ½; at
 * inference images pass unchanged. Draws come from the layer's own stream, split from the model
 * seed at build (or from {@link #seed(long)}), so a seeded run repeats.
 */
public final class RandomFlip extends BaseLayer<RandomFlip> implements RandomStreamLayer {
  private static final List<String> MODES =
      List.of("horizontal", "vertical", "horizontal_and_vertical");
  private final String mode;
  private Long seed;
  private SeededRandom draws;

  public RandomFlip() {
    this("horizontal_and_vertical");
  }

  public RandomFlip(String mode) {
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "RandomFlip: mode must be one of " + MODES + ", got '" + mode + "'");
    }
    this.mode = mode;
  }

  /** Draws flips from this seed instead of the model's, as Keras's {@code seed=} does. */
  public RandomFlip seed(long seed) {
    this.seed = seed;
    return this;
  }

  @Override
  public SeededRandom randomStream() {
    return draws;
  }

  @Override
  public String className() {
    return "RandomFlip";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return ImageShape.require(describe(), inputShape);
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    draws = seed != null ? new SeededRandom(seed) : random.split();
  }

  @Override
  public void restartDraws(long key) {
    draws = new SeededRandom(seed == null ? key : SeededRandom.mix(key ^ seed));
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    if (phase != Phase.TRAINING) {
      return inputs;
    }
    int[] shape = inputs.shape();
    int batch = shape[0];
    boolean[] horizontal = new boolean[batch];
    boolean[] vertical = new boolean[batch];
    for (int i = 0; i < batch; i++) {
      horizontal[i] = !mode.equals("vertical") && draws.nextDouble() < 0.5;
      vertical[i] = !mode.equals("horizontal") && draws.nextDouble() < 0.5;
    }
    int[] source = flippedIndex(shape, horizontal, vertical);
    // a flip is its own inverse, so the gradient goes back through the same permutation
    return Tensor.fromOp(
        "randomFlip", permuted(inputs, source), List.of(inputs), g -> List.of(permuted(g, source)));
  }

  /** For each output element, the input element it copies. */
  private static int[] flippedIndex(int[] shape, boolean[] horizontal, boolean[] vertical) {
    int height = shape[1];
    int width = shape[2];
    int channels = shape[3];
    int[] source = new int[shape[0] * height * width * channels];
    int at = 0;
    for (int b = 0; b < shape[0]; b++) {
      for (int y = 0; y < height; y++) {
        int fromY = vertical[b] ? height - 1 - y : y;
        for (int x = 0; x < width; x++) {
          int fromX = horizontal[b] ? width - 1 - x : x;
          int from = ((b * height + fromY) * width + fromX) * channels;
          for (int c = 0; c < channels; c++) {
            source[at++] = from + c;
          }
        }
      }
    }
    return source;
  }

  private static Tensor permuted(Tensor t, int[] source) {
    double[] values = t.toDoubleArray();
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[source[i]];
    }
    return Tensor.ofDouble(out, t.shape()).to(t.dtype());
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("mode", mode);
    config.put("seed", seed);
  }

  static RandomFlip fromConfig(LayerConfig config) {
    RandomFlip flip = new RandomFlip(config.string("mode", "horizontal_and_vertical"));
    if (config.values().get("seed") != null) {
      flip.seed((long) config.number("seed", 0));
    }
    return flip.withCommonOptions(config.values());
  }
}
