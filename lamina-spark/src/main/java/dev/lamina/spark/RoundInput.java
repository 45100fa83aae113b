package dev.lamina.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts each round: the flat trainable weights, the layers' own state (moving
 * statistics), the optimizer's slots and step count (parameter averaging), the learning rate, and
 * which epoch and step or round it is.
 */
record RoundInput(
    float[] weights,
    float[] state,
    float[] slots,
    long iterations,
    double learningRate,
    int epoch,
    int index)
    implements Serializable {}
