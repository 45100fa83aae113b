package dev.lamina;

import dev.lamina.callbacks.Callback;
import dev.lamina.layers.Layer;
import dev.lamina.layers.Phase;
import dev.lamina.layers.RandomStreamLayer;
import dev.lamina.losses.Loss;
import dev.lamina.metrics.Metric;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.random.SeededRandom;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What a trainer running outside this package (on a cluster) needs of a compiled model: its compile
 * settings and fit options, its trainable weights as the arrays the optimizer updates, and the
 * gradients of one batch computed without applying them. {@code Sequential.fit} never calls this;
 * it keeps the single-machine loop free of distribution concerns.
 *
 * <p>Not API: lamina-spark is its one caller. It is public in the exported package because it reads
 * the model's package-private state; lamina-spark runs on the class path (it cannot be a module,
 * docs/architecture.md), so no qualified export can name it. Its signatures show the compiled
 * metrics, which this module does not export, hence the "exports" lint off here.
 */
@SuppressWarnings("exports")
public final class DistributedTraining {
  private DistributedTraining() {}

  /** The fit options a distributed trainer honours, read once. */
  public record Settings(
      int batchSize,
      int epochs,
      int initialEpoch,
      boolean shuffle,
      Tensor validationX,
      Tensor validationY,
      List<Callback> callbacks,
      int verbose,
      PrintStream out) {}

  /** The gradients of one batch's mean loss, the loss, and the predictions it was computed from. */
  public record BatchGradients(List<float[]> gradients, double loss, float[] predictions) {}

  public static Settings settings(FitOptions options) {
    if (options.validationSplit() > 0
        || options.sampleWeights() != null
        || options.classWeights() != null) {
      throw new IllegalArgumentException(
          "distributed fit: validationSplit, sampleWeight and classWeight are not supported;"
              + " give validationData and unweighted rows");
    }
    return new Settings(
        options.batchSize(),
        options.epochs(),
        options.initialEpoch(),
        options.shuffle(),
        options.validationX(),
        options.validationY(),
        options.callbackList(),
        options.verbose(),
        options.out());
  }

  /** The model's seed, from which a distributed fit derives its row orders. */
  public static long seed(Sequential model) {
    return model.seedValue();
  }

  public static Loss loss(Sequential model) {
    return model.compiled("fit").loss();
  }

  public static Optimizer optimizer(Sequential model) {
    return model.compiled("fit").optimizer();
  }

  /** Fresh training metrics as compiled, for targets and predictions of these widths. */
  public static List<Metric> newMetrics(Sequential model, int trueCols, int predCols) {
    return model.compiled("fit").newMetrics(trueCols, predCols);
  }

  /** The arrays behind every trainable weight, in optimizer order; writes change the model. */
  public static List<float[]> trainableArrays(Sequential model) {
    model.requireBuiltFor("trainableArrays");
    return model.trainableParameters().stream().map(p -> Rows.backing(p.value())).toList();
  }

  /** Projects every trainable weight onto its constraint, as after each optimizer update. */
  public static void applyConstraints(Sequential model) {
    model.trainableParameters().forEach(Parameter::constrain);
  }

  /**
   * The arrays behind the weights the layers update themselves while training (BatchNormalization's
   * moving statistics of trainable layers), in layer order; writes change the model.
   */
  public static List<float[]> stateArrays(Sequential model) {
    model.requireBuiltFor("stateArrays");
    return model.layers().stream()
        .filter(Layer::isTrainable)
        .flatMap(l -> l.nonTrainableWeights().stream())
        .map(p -> Rows.backing(p.value()))
        .toList();
  }

  /**
   * Restarts the random stream of every layer that draws (Dropout, RandomFlip) from {@code key} and
   * the layer's position, so the draws of a distributed step depend on which step it is, not on
   * which replica ran what before.
   */
  public static void restartDraws(Sequential model, long key) {
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof RandomStreamLayer drawing) {
        drawing.restartDraws(SeededRandom.wordAt(key, i));
      }
    }
  }

  /**
   * Forward in training mode on (x, y), the compiled loss (its mean over the rows, without the
   * regularization penalty) and its gradients for every trainable weight; nothing is applied.
   */
  public static BatchGradients gradients(Sequential model, Tensor x, Tensor y) {
    Compiled compiled = model.compiled("fit");
    model.checkInput("fit", x);
    Tensor pred = model.forward(x, Phase.TRAINING);
    Tensor loss = compiled.loss().compute(y, pred, null);
    List<Tensor> grads = Gradients.ofParameters(loss, model.trainableParameters());
    return new BatchGradients(
        grads.stream().map(Rows::floats).toList(), loss.item(), Rows.floats(pred));
  }

  /**
   * The gradients of the layers' regularization penalty for every trainable weight, with the
   * penalty's value; null when the model has no regularizer.
   */
  public static BatchGradients regularizationGradients(Sequential model) {
    Tensor penalty = model.regularization();
    if (penalty == null) {
      return null;
    }
    List<Tensor> grads = Gradients.ofParameters(penalty, model.trainableParameters());
    return new BatchGradients(grads.stream().map(Rows::floats).toList(), penalty.item(), null);
  }

  /** The loss and metrics on (x, y) in inference mode, in batches as fit validates. */
  public static Map<String, Double> evaluate(Sequential model, Tensor x, Tensor y, int batchSize) {
    return new Evaluator(model, model.compiled("evaluate")).evaluate(x, y, null, batchSize);
  }
}
