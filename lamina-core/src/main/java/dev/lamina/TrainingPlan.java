package dev.lamina;

import dev.lamina.fused.ActivationStage;
import dev.lamina.fused.BatchNormStage;
import dev.lamina.fused.DenseStage;
import dev.lamina.fused.DropoutStage;
import dev.lamina.fused.LossGradient;
import dev.lamina.fused.Stage;
import dev.lamina.layers.FusedSpec;
import dev.lamina.layers.Layer;
import dev.lamina.losses.BinaryCrossentropy;
import dev.lamina.losses.CategoricalCrossentropy;
import dev.lamina.losses.Loss;
import dev.lamina.losses.MeanAbsoluteError;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fused training step of a Sequential made only of built-in layers on rows of features:
 * activations and gradients live in buffers sized once for the batch size, each stage runs its
 * forward and backward over them, the loss gradient is written directly and the optimizer updates
 * the weight arrays in place. No graph is recorded and the steady state allocates nothing. Models
 * it cannot describe get no plan and train through autograd, with the same results.
 */
final class TrainingPlan {
  private final Compiled compiled;
  private final List<FusedSpec> specs;
  private final Stage[] stages;
  private final float[][] outputs;
  private final float[][] gradients;
  private final LossGradient loss;
  private final Optimizer optimizer;
  private final List<float[]> weights;
  private final List<float[]> weightGradients;
  private final int maxRows;
  private final int inWidth;
  private final float[] input;
  private final float[] targets;
  private final float[] sampleWeights;

  private TrainingPlan(
      Compiled compiled,
      List<FusedSpec> specs,
      Stage[] stages,
      int inWidth,
      int maxRows,
      LossGradient loss,
      List<float[]> weights,
      List<float[]> weightGradients) {
    this.compiled = compiled;
    this.specs = specs;
    this.stages = stages;
    this.maxRows = maxRows;
    this.inWidth = inWidth;
    this.loss = loss;
    this.optimizer = compiled.optimizer();
    this.input = new float[maxRows * inWidth];
    this.targets = new float[maxRows * stages[stages.length - 1].outWidth()];
    this.sampleWeights = new float[maxRows];
    this.weights = weights;
    this.weightGradients = weightGradients;
    this.outputs = new float[stages.length][];
    this.gradients = new float[stages.length + 1][];
    int width = inWidth;
    for (int i = 0; i < stages.length; i++) {
      // the first stage's input needs no gradient, so gradients[0] stays null
      gradients[i] = i == 0 ? null : new float[maxRows * width];
      width = stages[i].outWidth();
      outputs[i] = new float[maxRows * width];
    }
    gradients[stages.length] = new float[maxRows * width];
  }

  /** The plan for a built model trained with {@code compiled}, or null when autograd must train it. */
  static TrainingPlan compile(Sequential model, Compiled compiled, int maxRows) {
    int[] input = model.inputShape();
    LossGradient lossGradient = lossGradient(compiled.loss());
    List<FusedSpec> specs = specs(model);
    if (input == null || input.length != 1 || lossGradient == null || specs == null) {
      return null;
    }
    Map<Parameter, float[]> gradientOf = new IdentityHashMap<>();
    List<Stage> stages = new ArrayList<>();
    int width = input[0];
    for (FusedSpec spec : specs) {
      Stage stage = stage(spec, width, maxRows, gradientOf);
      if (stage == null) {
        return null;
      }
      stages.add(stage);
      width = stage.outWidth();
    }
    List<float[]> weights = new ArrayList<>();
    List<float[]> grads = new ArrayList<>();
    for (Parameter p : model.trainableParameters()) {
      float[] g = gradientOf.get(p);
      if (g == null || p.value().floats == null) {
        return null;
      }
      weights.add(p.value().floats);
      grads.add(g);
    }
    return new TrainingPlan(
        compiled, specs, stages.toArray(Stage[]::new), input[0], maxRows, lossGradient, weights,
        grads);
  }

  /** The layers' fused descriptions, or null when one has none. */
  private static List<FusedSpec> specs(Sequential model) {
    List<FusedSpec> specs = new ArrayList<>();
    for (Layer layer : model.layers()) {
      FusedSpec spec = FusedSpec.of(layer);
      if (spec == null) {
        return null;
      }
      specs.add(spec);
    }
    return specs.isEmpty() ? null : specs;
  }

  /** Whether this plan still trains {@code model} as compiled, in batches of {@code maxRows}. */
  boolean isFor(Sequential model, Compiled compiled, int maxRows) {
    return this.compiled == compiled && this.maxRows == maxRows && specs.equals(specs(model));
  }

  private static LossGradient lossGradient(Loss loss) {
    boolean builtIn =
        loss instanceof MeanAbsoluteError
            || loss instanceof MeanSquaredError
            || loss instanceof BinaryCrossentropy
            || loss instanceof CategoricalCrossentropy;
    if (!builtIn) {
      return null;
    }
    Map<String, Object> config = loss.config();
    boolean logits = Boolean.TRUE.equals(config.get("from_logits"));
    double smoothing = config.get("label_smoothing") instanceof Number n ? n.doubleValue() : 0;
    return LossGradient.of(loss.name(), logits, smoothing);
  }

  private static Stage stage(
      FusedSpec spec, int width, int maxRows, Map<Parameter, float[]> gradientOf) {
    if (spec instanceof FusedSpec.DenseSpec d) {
      int units = d.kernel().shape()[1];
      return new DenseStage(
          width, units, floats(d.kernel()), floats(d.bias()), gradientFor(d.kernel(), gradientOf),
          gradientFor(d.bias(), gradientOf), d.activation());
    }
    if (spec instanceof FusedSpec.BatchNormSpec b) {
      return new BatchNormStage(
          width, floats(b.gamma()), floats(b.beta()), gradientFor(b.gamma(), gradientOf),
          gradientFor(b.beta(), gradientOf), floats(b.movingMean()), floats(b.movingVariance()),
          b.momentum(), b.epsilon(), maxRows);
    }
    if (spec instanceof FusedSpec.DropoutSpec d) {
      return new DropoutStage(width, d.rate(), d.masks(), maxRows);
    }
    if (spec instanceof FusedSpec.ActivationSpec a) {
      return new ActivationStage(width, a.activation());
    }
    return null;
  }

  /** The parameter's float32 values, or null for an absent parameter or other types. */
  private static float[] floats(Parameter p) {
    return p == null ? null : p.value().floats;
  }

  private static float[] gradientFor(Parameter p, Map<Parameter, float[]> gradientOf) {
    if (p == null) {
      return null;
    }
    float[] g = new float[(int) p.value().size()];
    gradientOf.put(p, g);
    return g;
  }

  /** Whether a batch of {@code rows} with {@code targetValues} targets can take the fused step. */
  boolean fits(int rows, long targetValues) {
    return rows > 0
        && rows <= maxRows
        && targetValues == (long) rows * stages[stages.length - 1].outWidth();
  }

  /**
   * One training step on rows {@code order[start..end)} of x, y and the per-row weights (rows
   * start..end in order when {@code order} is null), gathered into the plan's own buffers; returns
   * the batch loss.
   *
   * @param w one weight per row of x, or null
   */
  double step(float[] x, float[] y, float[] w, int[] order, int start, int end) {
    int rows = end - start;
    int outWidth = stages[stages.length - 1].outWidth();
    for (int r = 0; r < rows; r++) {
      int source = order == null ? start + r : order[start + r];
      System.arraycopy(x, source * inWidth, input, r * inWidth, inWidth);
      System.arraycopy(y, source * outWidth, targets, r * outWidth, outWidth);
      if (w != null) {
        sampleWeights[r] = w[source];
      }
    }
    float[] in = input;
    for (int i = 0; i < stages.length; i++) {
      stages[i].forward(in, outputs[i], rows);
      in = outputs[i];
    }
    int last = stages.length - 1;
    double batchLoss =
        loss.compute(
            outputs[last], targets, w == null ? null : sampleWeights, rows, outWidth,
            gradients[last + 1]);
    for (int i = last; i >= 0; i--) {
      float[] stageInput = i == 0 ? input : outputs[i - 1];
      stages[i].backward(stageInput, outputs[i], gradients[i + 1], gradients[i], rows);
    }
    optimizer.step(weights, weightGradients);
    return batchLoss;
  }

  /** The last step's targets, row-major (rows × output width). */
  float[] targets() {
    return targets;
  }

  /** The last step's predictions, row-major (rows × output width). */
  float[] predictions() {
    return outputs[outputs.length - 1];
  }
}
