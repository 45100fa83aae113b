package dev.lamina.bench.workloads;

import bench.harness.Workloads;
import dev.lamina.Sequential;
import dev.lamina.layers.Activation;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Adam;

/**
 * The workloads' models as Keras would write them: Glorot-uniform kernels and zero biases (Dense's
 * defaults), Adam with the common betas and ε, a fresh model per repeat seeded init_seed + repeat.
 */
final class Models {
  private Models() {}

  /** d → hidden relu layers → out, with softmax on a multi-class output. */
  static Sequential mlp(Workloads w, String wl, int repeat) {
    int[] hidden = w.ints(wl + ".hidden");
    Sequential model = new Sequential().seed(w.l(wl + ".init_seed") + repeat);
    for (int i = 0; i < hidden.length; i++) {
      Dense dense = new Dense(hidden[i], "relu");
      model.add(i == 0 ? dense.inputShape(w.i(wl + ".d")) : dense);
    }
    int out = w.i(wl + ".out");
    model.add(new Dense(out, out > 1 ? "softmax" : "linear"));
    compile(model, w, wl);
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
          new BatchNormalization()
              .momentum(w.d(wl + ".bn_momentum"))
              .epsilon(w.d(wl + ".bn_eps")));
      model.add(new Activation("relu"));
      model.add(new Dropout(w.d(wl + ".dropout")));
    }
    model.add(new Dense(w.i(wl + ".out")));
    compile(model, w, wl);
    return model;
  }

  private static void compile(Sequential model, Workloads w, String wl) {
    Adam adam =
        new Adam(w.d(wl + ".lr"))
            .beta1(w.d("adam.beta1"))
            .beta2(w.d("adam.beta2"))
            .epsilon(w.d("adam.eps"));
    model.compile(adam, Losses.get(w.str(wl + ".loss")));
  }
}
