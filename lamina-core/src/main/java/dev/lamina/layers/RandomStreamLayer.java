package dev.lamina.layers;

import dev.lamina.random.SeededRandom;

/**
 * A layer that draws from its own random stream while training (Dropout's masks, RandomFlip's
 * flips), so that a training checkpoint can save where the stream stands and a resumed run draws
 * exactly what the uninterrupted one would have, and a distributed trainer can restart it per step.
 */
public interface RandomStreamLayer extends Layer {

  /** The layer's stream; null before the layer is built. */
  SeededRandom randomStream();

  /**
   * Restarts the layer's stream from {@code key} (mixed with the layer's own seed when it has one),
   * so that what it draws next depends on the key alone, not on the calls before: a distributed
   * trainer keys it by partition, epoch and step, which any replica can redo.
   */
  void restartDraws(long key);
}
