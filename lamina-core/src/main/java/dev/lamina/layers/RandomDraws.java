package dev.lamina.layers;

/**
 * A layer that draws random numbers while training (Dropout's masks, RandomFlip's flips) from a
 * stream of its own.
 */
public interface RandomDraws {

  /**
   * Restarts the layer's stream from {@code key} (mixed with the layer's own seed when it has
   * one), so that what it draws next depends on the key alone, not on the calls before: a
   * distributed trainer keys it by partition, epoch and step, which any replica can redo.
   */
  void restartDraws(long key);
}
