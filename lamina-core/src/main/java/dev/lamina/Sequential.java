package dev.lamina;

import dev.lamina.layers.Layer;
import dev.lamina.layers.Phase;
import dev.lamina.losses.Loss;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Optimizer;
import dev.lamina.optimizers.Optimizers;
import dev.lamina.random.SeededRandom;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A stack of layers, each feeding the next, as Keras's Sequential. Weights are built lazily from
 * the first input shape (declared with {@code inputShape} on the first layer, an {@code Input}
 * first element, or taken from the first data seen).
 *
 * <p>Threads: {@link #predict} and {@link #evaluate} may run on one model from many threads at
 * once, each giving the same bits as it would alone. {@link #fit} and {@link #setWeights} change
 * the weights: called while another thread predicts, evaluates or trains, they fail at once with an
 * {@link IllegalStateException}, and so do predict and evaluate while another thread trains.
 */
public final class Sequential {
  private static final Pattern CAMEL_WORD = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z])([A-Z])");

  private final List<Layer> layers = new ArrayList<>();
  private final Map<String, Integer> nameCounts = new HashMap<>();
  private String name = "sequential";
  private int[] inputShape;
  private volatile List<int[]> outputShapes; // read unlocked by buildFor's double check
  private long seed = ThreadLocalRandom.current().nextLong();
  private Compiled compiled;

  /**
   * The last fit's step buffers, for the next fit on the same thread; held softly, so that a model
   * kept for predictions gives its training arrays back when memory runs short.
   */
  private SoftReference<StepBuffers> stepBuffers = new SoftReference<>(null);

  private final UseGuard guard = new UseGuard();

  public Sequential(Layer... layers) {
    for (Layer layer : layers) {
      add(layer);
    }
  }

  /** Appends a layer; an {@code Input} element only declares the input shape. */
  public Sequential add(Layer layer) {
    if (outputShapes != null) {
      throw new IllegalStateException(
          "Sequential.add: the model is already built; add layers before training or predicting");
    }
    if (isInput(layer)) {
      if (!layers.isEmpty()) {
        throw new IllegalArgumentException("Sequential.add: an Input must be the first element");
      }
      inputShape = layer.declaredInputShape().clone();
      return this;
    }
    if (layers.isEmpty() && inputShape == null && layer.declaredInputShape() != null) {
      inputShape = layer.declaredInputShape().clone();
    }
    layer.assignDefaultName(uniqueName(snakeCase(layer.className())));
    layers.add(layer);
    return this;
  }

  private static boolean isInput(Layer layer) {
    return "InputLayer".equals(layer.className());
  }

  /** Keras's to_snake_case: Dense → dense, BatchNormalization → batch_normalization. */
  static String snakeCase(String className) {
    String s = CAMEL_WORD.matcher(className).replaceAll("$1_$2");
    return CAMEL_BOUNDARY.matcher(s).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private String uniqueName(String base) {
    int count = nameCounts.merge(base, 1, Integer::sum);
    return count == 1 ? base : base + "_" + (count - 1);
  }

  /** Names the model (default {@code sequential}). */
  public Sequential name(String name) {
    this.name = name;
    return this;
  }

  public String name() {
    return name;
  }

  /**
   * Makes initialization, dropout masks and shuffling reproducible: the same seed and data give
   * bit-identical weights and history. Set it before the model is built.
   */
  public Sequential seed(long seed) {
    if (outputShapes != null) {
      throw new IllegalStateException(
          "Sequential.seed: the model is already built; set the seed before training or predicting");
    }
    this.seed = seed;
    return this;
  }

  long seedValue() {
    return seed;
  }

  public List<Layer> layers() {
    return List.copyOf(layers);
  }

  /** Builds every layer for per-sample inputs of this shape (the batch axis excluded). */
  public Sequential build(int... perSampleShape) {
    if (outputShapes != null) {
      if (!Arrays.equals(perSampleShape, inputShape)) {
        throw new ShapeMismatchException(
            "Sequential "
                + name
                + ": built for inputs "
                + ModelSummary.shape(inputShape)
                + ", got "
                + ModelSummary.shape(perSampleShape));
      }
      return this;
    }
    if (layers.isEmpty()) {
      throw new IllegalStateException("Sequential " + name + ": has no layers");
    }
    SeededRandom random = new SeededRandom(seed).split();
    List<int[]> shapes = new ArrayList<>();
    int[] shape = perSampleShape.clone();
    for (Layer layer : layers) {
      int[] out = layer.outputShape(shape);
      if (!layer.isBuilt()) {
        layer.build(shape, random.split());
      }
      shapes.add(out);
      shape = out;
    }
    inputShape = perSampleShape.clone();
    outputShapes = shapes;
    return this;
  }

  private boolean buildIfShapeKnown() {
    if (outputShapes == null && inputShape != null) {
      build(inputShape);
    }
    return outputShapes != null;
  }

  private void requireBuilt(String operation) {
    if (!buildIfShapeKnown()) {
      throw new IllegalStateException(
          "Sequential."
              + operation
              + ": the model has no input shape yet; declare one with"
              + " inputShape(...) on the first layer or an Input, or call fit or predict first");
    }
  }

  /** The per-sample input shape, or null before it is known. */
  public int[] inputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  /** The per-sample output shape of the last layer. */
  public int[] outputShape() {
    requireBuilt("outputShape");
    return outputShapes.get(outputShapes.size() - 1).clone();
  }

  /** Every weight in Keras order (per Dense: kernel, bias; per BatchNormalization: 4 vectors). */
  List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    layers.forEach(l -> all.addAll(l.weights()));
    return all;
  }

  List<Parameter> trainableParameters() {
    List<Parameter> all = new ArrayList<>();
    layers.stream().filter(Layer::isTrainable).forEach(l -> all.addAll(l.trainableWeights()));
    return all;
  }

  public long countParams() {
    requireBuilt("countParams");
    return parameters().stream().mapToLong(p -> p.value().size()).sum();
  }

  /** Copies of every weight, in Keras order and shapes. */
  public List<Tensor> getWeights() {
    requireBuilt("getWeights");
    return parameters().stream().map(p -> p.value().detach()).toList();
  }

  /** Sets every weight, in {@link #getWeights()} order; counts and shapes must match. */
  public void setWeights(List<Tensor> weights) {
    guard.changing(
        "setWeights",
        () -> {
          assignWeights(weights);
          return null;
        });
  }

  private void assignWeights(List<Tensor> weights) {
    requireBuilt("setWeights");
    int expected = parameters().size();
    if (weights.size() != expected) {
      throw new IllegalArgumentException(
          "Sequential.setWeights: the model has " + expected + " weights, got " + weights.size());
    }
    int i = 0;
    for (Layer layer : layers) {
      for (Parameter p : layer.weights()) {
        Tensor w = weights.get(i++);
        if (!Arrays.equals(w.shape(), p.shape())) {
          throw new IllegalArgumentException(
              "Sequential.setWeights: layer '"
                  + layer.name()
                  + "' weight '"
                  + p.name()
                  + "' has shape "
                  + Arrays.toString(p.shape())
                  + ", got "
                  + Arrays.toString(w.shape()));
        }
      }
    }
    List<Parameter> params = parameters();
    for (int j = 0; j < params.size(); j++) {
      params.get(j).assign(weights.get(j));
    }
  }

  /** The Keras-style table of layers, output shapes and parameter counts. */
  public String summary() {
    buildIfShapeKnown();
    List<ModelSummary.Row> rows = new ArrayList<>();
    long trainable = 0;
    long frozen = 0;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      boolean built = layer.isBuilt();
      long params = 0;
      for (Parameter p : layer.weights()) {
        boolean updated = layer.isTrainable() && layer.trainableWeights().contains(p);
        trainable += updated ? p.value().size() : 0;
        frozen += updated ? 0 : p.value().size();
        params += p.value().size();
      }
      String shape = outputShapes == null ? "?" : ModelSummary.shape(outputShapes.get(i));
      rows.add(
          new ModelSummary.Row(
              layer.name() + " (" + layer.className() + ")", shape, built ? params : -1));
    }
    long optimizerParams = -1;
    long optimizerBytes = 0;
    if (compiled != null && compiled.optimizer().iterations() > 0) {
      // the step counter (int64) and the learning rate (float32) come before the slots
      optimizerParams = 2 + compiled.optimizer().slotCount();
      optimizerBytes = 8 + 4 + 4 * compiled.optimizer().slotCount();
    }
    return ModelSummary.format(
        name, rows, new ModelSummary.Totals(trainable, frozen, optimizerParams, optimizerBytes));
  }

  /** Sets the optimizer, the loss and the metrics (Keras names) for fit and evaluate. */
  public void compile(Optimizer optimizer, Loss loss, String... metrics) {
    this.compiled = new Compiled(optimizer, loss, List.of(metrics));
    stepBuffers.clear();
  }

  /** As {@link #compile(Optimizer, Loss, String...)}, by Keras's names ("adam", "mae", …). */
  public void compile(String optimizer, String loss, String... metrics) {
    compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
  }

  Compiled compiledOrNull() {
    return compiled;
  }

  void requireBuiltFor(String operation) {
    requireBuilt(operation);
  }

  /**
   * Writes the model (architecture, weights and compile settings) to a model file, atomically: a
   * crash while saving leaves the previous file intact. A name ending in {@code .keras} writes
   * Keras 3's format (docs/keras.md), any other Lamina's own.
   */
  public void save(Path file) {
    ModelArchive.save(this, file, Map.of());
  }

  /** As {@link #save(Path)}, with extra named JSON documents stored beside the model. */
  public void save(Path file, Map<String, String> extras) {
    ModelArchive.save(this, file, extras);
  }

  /**
   * Reads a Lamina model file, a Keras v3 {@code .keras} file or a legacy Keras HDF5 model, told
   * apart by content; a damaged or foreign file raises {@link dev.lamina.ModelFileException}.
   */
  public static Sequential load(Path file) {
    return ModelArchive.load(file);
  }

  /** The step buffers of the last fit on this thread, or new ones (a workspace has one owner). */
  StepBuffers stepBuffers() {
    StepBuffers kept = stepBuffers.get();
    if (kept == null || !kept.workspace.ownedByCurrentThread()) {
      kept = new StepBuffers();
      stepBuffers = new SoftReference<>(kept);
    }
    return kept;
  }

  Compiled compiled(String operation) {
    if (compiled == null) {
      throw new IllegalStateException(
          "Sequential." + operation + ": call compile(optimizer, loss, metrics...) first");
    }
    return compiled;
  }

  /** Trains on x (rows are samples) against targets y. */
  public History fit(Tensor x, Tensor y, FitOptions options) {
    return guard.changing("fit", () -> new Trainer(this, compiled("fit"), options).fit(x, y));
  }

  /** Trains on batches read from {@code source}, one pass per epoch. */
  public History fit(BatchSource source, FitOptions options) {
    return guard.changing("fit", () -> new Trainer(this, compiled("fit"), options).fit(source));
  }

  /** The loss and every compiled metric on (x, y), in inference mode, batches of 32. */
  public Map<String, Double> evaluate(Tensor x, Tensor y) {
    buildFor("evaluate", x);
    return guard.reading(
        "evaluate", () -> new Evaluator(this, compiled("evaluate")).evaluate(x, y, null, 32));
  }

  /** Outputs for x in inference mode (no dropout, batch-norm moving statistics), batches of 32. */
  public Tensor predict(Tensor x) {
    return predict(x, 32);
  }

  public Tensor predict(Tensor x, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "Sequential.predict: batchSize must be > 0, got " + batchSize);
    }
    buildFor("predict", x);
    return guard.reading("predict", () -> predictBuilt(x, batchSize));
  }

  /**
   * The first predict or evaluate of an unbuilt model builds it, alone; threads that come at the
   * same time wait for that build, then read.
   */
  private void buildFor(String operation, Tensor x) {
    if (outputShapes == null) {
      synchronized (guard) {
        if (outputShapes == null) {
          guard.changing(
              operation,
              () -> {
                checkInput(operation, x);
                return null;
              });
        }
      }
    }
  }

  private Tensor predictBuilt(Tensor x, int batchSize) {
    checkInput("predict", x);
    int rows = x.shape()[0];
    List<Tensor> parts = new ArrayList<>();
    try (NoGrad scope = NoGrad.enter()) {
      for (int start = 0; start < rows; start += batchSize) {
        parts.add(forward(x.slice(0, start, Math.min(rows, start + batchSize)), Phase.INFERENCE));
      }
    }
    if (parts.isEmpty()) {
      int[] out = outputShape();
      int[] shape = new int[out.length + 1];
      System.arraycopy(out, 0, shape, 1, out.length);
      return Tensor.zeros(shape);
    }
    return parts.size() == 1 ? parts.get(0) : Tensor.concat(parts, 0);
  }

  /** Builds from x's shape if needed, then checks that x fits the model's input. */
  void checkInput(String operation, Tensor x) {
    int[] shape = x.shape();
    if (shape.length < 2) {
      throw new ShapeMismatchException(
          "Sequential."
              + operation
              + ": expects a batch of rows (rank ≥ 2), got shape "
              + Arrays.toString(shape));
    }
    int[] perSample = Arrays.copyOfRange(shape, 1, shape.length);
    if (inputShape == null) {
      build(perSample);
      return;
    }
    buildIfShapeKnown();
    if (!Arrays.equals(perSample, inputShape)) {
      throw new ShapeMismatchException(
          "Sequential."
              + operation
              + ": model "
              + name
              + " expects input of shape "
              + ModelSummary.shape(inputShape)
              + ", got "
              + Arrays.toString(shape));
    }
  }

  /** The forward pass through every layer. */
  Tensor forward(Tensor x, Phase phase) {
    Tensor out = x;
    for (Layer layer : layers) {
      out = layer.call(out, phase);
    }
    return out;
  }

  /** The sum of the layers' regularization penalties, or null when there are none. */
  Tensor regularization() {
    Tensor total = null;
    for (Layer layer : layers) {
      Tensor penalty = layer.regularization();
      if (penalty != null) {
        total = total == null ? penalty : total.add(penalty);
      }
    }
    return total;
  }
}
