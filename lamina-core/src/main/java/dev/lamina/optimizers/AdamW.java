package dev.lamina.optimizers;

/** Adam with decoupled weight decay, Keras's default decay 0.004. */
public final class AdamW extends Adam {

  public AdamW() {
    this(0.001);
  }

  public AdamW(double learningRate) {
    super("adamw", learningRate);
    weightDecay(0.004);
  }
}
