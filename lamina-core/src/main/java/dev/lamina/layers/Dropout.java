package dev.lamina.layers;

import dev.lamina.NeuralOps;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.Map;

/**
 * Inverted dropout, as Keras does it: while training, each unit is kept when a uniform draw is
 * below {@code 1 − rate} and then divided by {@code 1 − rate}; dropped units become 0. At inference
 * the input passes unchanged. Masks come from the layer's own random stream, split from the model
 * seed at build (or from {@link #seed(long)}) and advanced by every training call, so consecutive
 * batches get different masks and a seeded run repeats exactly.
 */
public final class Dropout extends BaseLayer<Dropout> implements RandomStreamLayer {
  private final double rate;
  private Long seed;
  private SeededRandom masks;

  public Dropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException(
          "Dropout: rate must be in [0, 1) (the fraction of units dropped), got " + rate);
    }
    this.rate = rate;
  }

  /** Draws masks from this seed instead of the model's, as Keras's {@code seed=} does. */
  public Dropout seed(long seed) {
    this.seed = seed;
    return this;
  }

  public double rate() {
    return rate;
  }

  @Override
  public SeededRandom randomStream() {
    return masks;
  }

  @Override
  public String className() {
    return "Dropout";
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    masks = seed != null ? new SeededRandom(seed) : random.split();
  }

  @Override
  public void restartDraws(long key) {
    masks = new SeededRandom(seed == null ? key : SeededRandom.mix(key ^ seed));
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    if (phase != Phase.TRAINING || rate == 0) {
      return inputs;
    }
    return NeuralOps.dropout(inputs, 1 - rate, masks.takeMaskStream((int) inputs.size()));
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("rate", rate);
    config.put("seed", seed);
  }

  static Dropout fromConfig(LayerConfig config) {
    Dropout dropout = new Dropout(config.number("rate", 0));
    if (config.values().get("seed") != null) {
      dropout.seed((long) config.number("seed", 0));
    }
    return dropout.withCommonOptions(config.values());
  }
}
