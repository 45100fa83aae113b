package dev.lamina.bench.workloads;

import bench.harness.Workloads;
import dev.lamina.Sequential;
import dev.lamina.layers.Activation;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.Loss;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Adam;
import dev.lamina.optimizers.Optimizer;

/**
 * The workloads' models as Keras would write them: Glorot-uniform kernels and zero biases (Dense's
 * defaults), Adam with the common betas and ε, a fresh model per repeat seeded init_seed + repeat.
 */
public final class Models {
  private Models() {}

  /** d → hidden relu layers → out, with softmax on a multi-class output, changed by a variant. */
  static Sequential mlp(Workloads w, String wl, int repeat, Variant variant) {
    return mlp(
        w.i(wl + ".d"),
        w.ints(wl + ".hidden"),
        w.i(wl + ".out"),
        w.l(wl + ".init_seed") + repeat,
        variant,
        adam(w, wl),
        Losses.get(w.str(wl + ".loss")));
  }

  /**
   * The workloads' MLP outside the workload definitions (the JMH training-step benchmark): {@code
   * inputs} → hidden relu layers (or the variant's activation) → {@code outputs}, compiled with
   * {@code optimizer} and {@code loss} as the variant changes it.
   */
  public static Sequential mlp(
      int inputs,
      int[] hidden,
      int outputs,
      long seed,
      Variant variant,
      Optimizer optimizer,
      Loss loss) {
    Sequential model = new Sequential().seed(seed);
    for (int i = 0; i < hidden.length; i++) {
      Dense dense = variant.configure(new Dense(hidden[i], variant.hiddenActivation()));
      model.add(i == 0 ? dense.inputShape(inputs) : dense);
      if (variant.scaledTanhAfterHidden()) {
        model.add(new ScaledTanh().dtype(variant.dtype()));
      }
    }
    model.add(variant.configure(new Dense(outputs, outputs > 1 ? "softmax" : "linear")));
    model.compile(optimizer, variant.loss(loss));
    return model;
  }

  /** d → [Dense → BatchNormalization → relu → Dropout] per hidden width → out (W3). */
  static Sequential batchNormDropout(Workloads w, String wl, int repeat) {
    int[] hidden = w.ints(wl + ".hidden");
    Sequential model = new Sequential().seed(w.l(wl + ".init_seed") + repeat);
    for (int i = 0; i < hidden.length; i++) {
      Dense dense = new Dense(hidden[i]);
      model.add(i == 0 ? dense.inputShape(w.i(wl + ".d")) : dense);
      model.add(
          new BatchNormalization().momentum(w.d(wl + ".bn_momentum")).epsilon(w.d(wl + ".bn_eps")));
      model.add(new Activation("relu"));
      model.add(new Dropout(w.d(wl + ".dropout")));
    }
    model.add(new Dense(w.i(wl + ".out")));
    model.compile(adam(w, wl), Losses.get(w.str(wl + ".loss")));
    return model;
  }

  private static Adam adam(Workloads w, String wl) {
    return new Adam(w.d(wl + ".lr"))
        .beta1(w.d("adam.beta1"))
        .beta2(w.d("adam.beta2"))
        .epsilon(w.d("adam.eps"));
  }
}
