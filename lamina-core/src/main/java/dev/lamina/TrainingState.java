package dev.lamina;

import dev.lamina.callbacks.Callback;
import dev.lamina.callbacks.CallbackState;
import dev.lamina.io.ModelContents;
import dev.lamina.io.ModelFile;
import dev.lamina.io.NamedArray;
import dev.lamina.layers.Layer;
import dev.lamina.layers.RandomStreamLayer;
import dev.lamina.optimizers.GradientOptimizer;
import dev.lamina.optimizers.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code fit} needs to continue after a completed epoch exactly as if it had never
 * stopped: every weight, the optimizer's update count, learning rate and slots, where each layer's
 * random stream stands (dropout masks; the row order of an epoch follows from the seed and the
 * epoch alone), the History so far and every callback's {@link CallbackState}. Written as a model
 * file ({@link ModelFile}: atomic, every entry checksummed), read back as untrusted input.
 */
public final class TrainingState {
  private static final String FORMAT = "lamina-training-state";

  private final int nextEpoch;
  private final List<Tensor> weights;
  private final OptimizerState optimizer;
  private final List<Long> randomStreams;
  private final List<Map<String, Double>> history;
  private final List<String> callbackClasses;
  private final List<CallbackState> callbacks;

  private record OptimizerState(
      String name, long iterations, Double learningRate, List<float[][]> slots) {}

  private TrainingState(
      int nextEpoch,
      List<Tensor> weights,
      OptimizerState optimizer,
      List<Long> randomStreams,
      List<Map<String, Double>> history,
      List<String> callbackClasses,
      List<CallbackState> callbacks) {
    this.nextEpoch = nextEpoch;
    this.weights = weights;
    this.optimizer = optimizer;
    this.randomStreams = randomStreams;
    this.history = history;
    this.callbackClasses = callbackClasses;
    this.callbacks = callbacks;
  }

  /** The epoch a fit resumed from this state starts with (0-based). */
  public int nextEpoch() {
    return nextEpoch;
  }

  static TrainingState capture(
      int nextEpoch,
      Sequential model,
      Optimizer optimizer,
      History history,
      List<Callback> callbacks) {
    GradientOptimizer<?> gradients = stateful(optimizer);
    Object rate = gradients.config().get("learning_rate");
    OptimizerState optimizerState =
        new OptimizerState(
            gradients.name(),
            gradients.iterations(),
            rate == null ? null : gradients.learningRate(),
            gradients.slotValues());
    List<Long> streams = new ArrayList<>();
    for (Layer layer : model.layers()) {
      if (layer instanceof RandomStreamLayer random && random.randomStream() != null) {
        streams.add(random.randomStream().position());
      }
    }
    List<Map<String, Double>> rows = new ArrayList<>();
    for (int e = 0; e < history.epochs(); e++) {
      Map<String, Double> row = new LinkedHashMap<>();
      for (String key : history.keys()) {
        row.put(key, history.get(key)[e]);
      }
      rows.add(row);
    }
    List<String> classes = new ArrayList<>();
    List<CallbackState> states = new ArrayList<>();
    for (Callback callback : callbacks) {
      CallbackState state = new CallbackState();
      callback.saveState(state);
      classes.add(callback.getClass().getName());
      states.add(state);
    }
    return new TrainingState(
        nextEpoch, model.getWeights(), optimizerState, streams, rows, classes, states);
  }

  private static GradientOptimizer<?> stateful(Optimizer optimizer) {
    if (optimizer instanceof GradientOptimizer<?> g) {
      return g;
    }
    throw new IllegalStateException(
        "BackupAndRestore: the optimizer "
            + optimizer.name()
            + " ("
            + optimizer.getClass().getName()
            + ") keeps no state that can be saved; use one of "
            + "Lamina's optimizers");
  }

  /**
   * Puts this state into the model, its optimizer, a History and the callbacks of a fit that was
   * set up as the one that saved it; returns the epoch to continue with. A state that does not fit
   * (another network, optimizer or callback list) fails naming the difference.
   */
  int applyTo(Sequential model, Optimizer optimizer, History into, List<Callback> callbackList) {
    GradientOptimizer<?> gradients = stateful(optimizer);
    if (!gradients.name().equals(this.optimizer.name())) {
      throw mismatch("the optimizer was " + this.optimizer.name() + ", now " + gradients.name());
    }
    List<String> now = callbackList.stream().map(c -> c.getClass().getName()).toList();
    if (!now.equals(callbackClasses)) {
      throw mismatch("the callbacks were " + callbackClasses + ", now " + now);
    }
    List<RandomStreamLayer> randomLayers = new ArrayList<>();
    for (Layer layer : model.layers()) {
      if (layer instanceof RandomStreamLayer random && random.randomStream() != null) {
        randomLayers.add(random);
      }
    }
    if (randomLayers.size() != randomStreams.size()) {
      throw mismatch(
          randomStreams.size() + " layers with a random stream, now " + randomLayers.size());
    }
    try {
      model.setWeights(weights);
    } catch (IllegalArgumentException e) {
      throw mismatch(e.getMessage());
    }
    try {
      gradients.restoreState(this.optimizer.iterations(), this.optimizer.slots());
    } catch (IllegalArgumentException e) {
      throw mismatch(e.getMessage());
    }
    if (this.optimizer.learningRate() != null) {
      gradients.setLearningRate(this.optimizer.learningRate());
    }
    for (int i = 0; i < randomLayers.size(); i++) {
      randomLayers.get(i).randomStream().seek(randomStreams.get(i));
    }
    history.forEach(into::record);
    for (int i = 0; i < callbackList.size(); i++) {
      callbackList.get(i).restoreState(callbacks.get(i));
    }
    return nextEpoch;
  }

  private static IllegalArgumentException mismatch(String difference) {
    return new IllegalArgumentException(
        "BackupAndRestore: the saved training state belongs to another fit: " + difference);
  }

  // ---- the file -------------------------------------------------------------------------------

  /** Writes the state atomically, every entry checksummed (a model file with its own format). */
  public void write(Path file) {
    List<NamedArray> arrays = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      arrays.add(array("model/" + i, weights.get(i)));
    }
    List<float[][]> slots = optimizer.slots();
    for (int v = 0; v < slots.size(); v++) {
      for (int s = 0; s < slots.get(v).length; s++) {
        float[] values = slots.get(v)[s];
        arrays.add(new NamedArray("optimizer/" + v + "/" + s, new int[] {values.length}, values));
      }
    }
    List<Object> callbackConfigs = new ArrayList<>();
    for (int c = 0; c < callbacks.size(); c++) {
      Map<String, Object> numbers = new LinkedHashMap<>();
      callbacks.get(c).numbers().forEach((k, v) -> numbers.put(k, Double.toString(v)));
      Map<String, Object> weightCounts = new LinkedHashMap<>();
      for (Map.Entry<String, List<Tensor>> e : callbacks.get(c).weightLists().entrySet()) {
        weightCounts.put(e.getKey(), (long) e.getValue().size());
        for (int i = 0; i < e.getValue().size(); i++) {
          arrays.add(array("callback/" + c + "/" + e.getKey() + "/" + i, e.getValue().get(i)));
        }
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("class", callbackClasses.get(c));
      entry.put("numbers", numbers);
      entry.put("weights", weightCounts);
      callbackConfigs.add(entry);
    }
    Map<String, Object> optimizerConfig = new LinkedHashMap<>();
    optimizerConfig.put("name", optimizer.name());
    optimizerConfig.put("iterations", optimizer.iterations());
    optimizerConfig.put(
        "learning_rate",
        optimizer.learningRate() == null ? null : Double.toString(optimizer.learningRate()));
    optimizerConfig.put("slots", slots.stream().map(s -> (long) s.length).toList());
    List<Object> rows = new ArrayList<>();
    for (Map<String, Double> row : history) {
      Map<String, Object> text = new LinkedHashMap<>();
      row.forEach((k, v) -> text.put(k, Double.toString(v)));
      rows.add(text);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("format", FORMAT);
    config.put("next_epoch", (long) nextEpoch);
    config.put("weights", (long) weights.size());
    config.put("optimizer", optimizerConfig);
    // as text: JSON numbers of 19 digits are read back as doubles
    config.put("random_streams", randomStreams.stream().map(String::valueOf).toList());
    config.put("history", rows);
    config.put("callbacks", callbackConfigs);
    ModelFile.write(file, new ModelContents(config, arrays, Map.of()));
  }

  private static NamedArray array(String name, Tensor tensor) {
    return new NamedArray(name, tensor.shape(), tensor.toFloatArray());
  }

  /**
   * Reads a state {@link #write} wrote; a file that is damaged, truncated or not a training state
   * fails with a {@link ModelFileException} naming it.
   */
  public static TrainingState read(Path file) {
    ModelContents contents = ModelFile.read(file);
    try {
      return TrainingStateReader.decode(contents);
    } catch (RuntimeException e) {
      throw new ModelFileException(
          file, "not a readable training state (" + e.getMessage() + ")", e);
    }
  }

  /** Decodes the entries of a training-state file, trusting nothing in them. */
  private static final class TrainingStateReader {
    private final Map<String, NamedArray> arrays = new LinkedHashMap<>();

    private TrainingStateReader(List<NamedArray> all) {
      all.forEach(a -> arrays.put(a.name(), a));
    }

    @SuppressWarnings("unchecked")
    static TrainingState decode(ModelContents contents) {
      Map<String, Object> config = contents.config();
      if (!FORMAT.equals(config.get("format"))) {
        throw new IllegalArgumentException(
            "its format is " + config.get("format") + ", expected " + FORMAT);
      }
      TrainingStateReader reader = new TrainingStateReader(contents.weights());
      int nextEpoch = Math.toIntExact(count(config, "next_epoch"));
      List<Tensor> weights = new ArrayList<>();
      for (long i = 0, n = count(config, "weights"); i < n; i++) {
        weights.add(reader.tensor("model/" + i));
      }
      Map<String, Object> opt = (Map<String, Object>) config.get("optimizer");
      List<float[][]> slots = new ArrayList<>();
      List<Object> perVariable = (List<Object>) opt.get("slots");
      for (int v = 0; v < perVariable.size(); v++) {
        float[][] variableSlots = new float[Math.toIntExact((Long) perVariable.get(v))][];
        for (int s = 0; s < variableSlots.length; s++) {
          variableSlots[s] = reader.tensor("optimizer/" + v + "/" + s).toFloatArray();
        }
        slots.add(variableSlots);
      }
      Object rate = opt.get("learning_rate");
      OptimizerState optimizer =
          new OptimizerState(
              (String) opt.get("name"),
              count(opt, "iterations"),
              rate == null ? null : Double.parseDouble((String) rate),
              slots);
      List<Long> streams = new ArrayList<>();
      for (Object position : (List<Object>) config.get("random_streams")) {
        streams.add(Long.parseLong((String) position));
      }
      List<Map<String, Double>> history = new ArrayList<>();
      for (Object row : (List<Object>) config.get("history")) {
        Map<String, Double> values = new LinkedHashMap<>();
        ((Map<String, Object>) row)
            .forEach((k, v) -> values.put(k, Double.parseDouble((String) v)));
        history.add(values);
      }
      List<String> classes = new ArrayList<>();
      List<CallbackState> callbacks = new ArrayList<>();
      List<Object> entries = (List<Object>) config.get("callbacks");
      for (int c = 0; c < entries.size(); c++) {
        Map<String, Object> entry = (Map<String, Object>) entries.get(c);
        classes.add((String) entry.get("class"));
        CallbackState state = new CallbackState();
        ((Map<String, Object>) entry.get("numbers"))
            .forEach((k, v) -> state.put(k, Double.parseDouble((String) v)));
        for (Map.Entry<String, Object> w :
            ((Map<String, Object>) entry.get("weights")).entrySet()) {
          List<Tensor> list = new ArrayList<>();
          for (long i = 0, n = (Long) w.getValue(); i < n; i++) {
            list.add(reader.tensor("callback/" + c + "/" + w.getKey() + "/" + i));
          }
          state.putWeights(w.getKey(), list);
        }
        callbacks.add(state);
      }
      return new TrainingState(nextEpoch, weights, optimizer, streams, history, classes, callbacks);
    }

    private static long count(Map<String, Object> config, String key) {
      if (!(config.get(key) instanceof Long value) || value < 0) {
        throw new IllegalArgumentException(key + " is " + config.get(key) + ", not a count");
      }
      return value;
    }

    /** Each array once: a count that names more arrays than the file holds fails here. */
    private Tensor tensor(String name) {
      NamedArray array = arrays.remove(name);
      if (array == null) {
        throw new IllegalArgumentException("no array '" + name + "'");
      }
      return Tensor.of(array.values(), array.shape());
    }
  }
}
