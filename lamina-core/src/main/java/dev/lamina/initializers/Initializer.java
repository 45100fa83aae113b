package dev.lamina.initializers;

import dev.lamina.random.SeededRandom;
import java.util.Map;

/**
 * Produces the starting values of a weight. Implementations are stateless: all randomness comes
 * from the {@link SeededRandom} passed in, so one model seed reproduces every weight bit for bit.
 */
public interface Initializer {

  /** Row-major values for a weight of the given shape. */
  float[] sample(int[] shape, SeededRandom random);

  /** The registered name, as accepted by {@link Initializers#get(String)}. */
  String name();

  /** The options that, with {@link #name()}, recreate this initializer. */
  Map<String, Object> config();
}
