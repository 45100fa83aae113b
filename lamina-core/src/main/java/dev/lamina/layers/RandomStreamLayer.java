package dev.lamina.layers;

import dev.lamina.initializers.SeededRandom;

/**
 * A layer that draws from its own random stream while training (Dropout's masks, RandomFlip's
 * flips), so that a training checkpoint can save where the stream stands and a resumed run draws
 * exactly what the uninterrupted one would have.
 */
public interface RandomStreamLayer extends Layer {

  /** The layer's stream; null before the layer is built. */
  SeededRandom randomStream();
}
