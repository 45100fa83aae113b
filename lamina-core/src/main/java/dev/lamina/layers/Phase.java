package dev.lamina.layers;

/**
 * Whether a forward pass trains the model (Dropout drops, BatchNormalization uses and updates batch
 * statistics) or runs inference. Passed explicitly to every call; never a global flag.
 */
public enum Phase {
  TRAINING,
  INFERENCE
}
