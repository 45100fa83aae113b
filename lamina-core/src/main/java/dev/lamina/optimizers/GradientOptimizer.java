package dev.lamina.optimizers;

import dev.lamina.optimizers.schedules.LearningRateSchedule;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What every optimizer shares, in Keras's order per step (docs/keras-behaviour.md §3.1): clip the
 * gradients, apply decoupled weight decay, run the optimizer's own update on each variable, count
 * the step. Slots (momentum, velocity, …) are created on the first step, one set per variable.
 *
 * @param <SELF> the concrete optimizer, so that fluent options return it
 */
public abstract class GradientOptimizer<SELF extends GradientOptimizer<SELF>> implements Optimizer {
  private final String name;
  private double learningRate;
  private LearningRateSchedule schedule;
  private double clipNorm = Double.NaN;
  private double clipValue = Double.NaN;
  private double globalClipNorm = Double.NaN;
  private double weightDecay = Double.NaN;
  private long iterations;
  private final List<float[][]> slots = new ArrayList<>();
  private final List<float[]> clippedGrads = new ArrayList<>();
  // a float64 model's slots are float64 too, as Keras makes them in the variable's dtype
  private final List<double[][]> wideSlots = new ArrayList<>();
  private final List<double[]> wideClippedGrads = new ArrayList<>();

  protected GradientOptimizer(String name, double learningRate) {
    this.name = name;
    setLearningRate(learningRate);
  }

  @SuppressWarnings("unchecked")
  private SELF self() {
    return (SELF) this;
  }

  /** How many slot arrays each variable gets (Adam: momentum and velocity). */
  protected abstract int slotsPerVariable();

  /** The starting value of every element of slot {@code slot}; zero unless overridden. */
  protected double initialSlotValue(int slot) {
    return 0;
  }

  /**
   * Updates one variable in place.
   *
   * @param step the 1-based step number (Keras's {@code iterations + 1})
   */
  protected abstract void update(
      float[] weights, float[] grads, float[][] slots, float lr, long step);

  /** {@link #update(float[], float[], float[][], float, long)} in float64, for float64 models. */
  protected abstract void update(
      double[] weights, double[] grads, double[][] slots, double lr, long step);

  /** The optimizer-specific options, for {@link #config()}. */
  protected abstract Map<String, Object> options();

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void step(List<float[]> weights, List<float[]> grads) {
    checkCounts(weights.size(), grads.size(), slots.size());
    if (!wideSlots.isEmpty()) {
      throw new IllegalStateException(name + ": built for float64 variables, now given float32");
    }
    if (slots.isEmpty()) {
      build(weights);
    }
    List<float[]> g = clip(grads, clippedGrads, float[]::clone, GradientSet::of);
    float lr = (float) currentLearningRate();
    for (int i = 0; i < weights.size(); i++) {
      float[] w = weights.get(i);
      if (!Double.isNaN(weightDecay)) {
        float decay = (float) (weightDecay * lr);
        for (int j = 0; j < w.length; j++) {
          w[j] -= w[j] * decay;
        }
      }
      update(w, g.get(i), slots.get(i), lr, iterations + 1);
    }
    iterations++;
  }

  @Override
  public final void stepFloat64(List<double[]> weights, List<double[]> grads) {
    // restored float32 slots, before the first float64 step, count as built too
    checkCounts(
        weights.size(), grads.size(), wideSlots.isEmpty() ? slots.size() : wideSlots.size());
    if (wideSlots.isEmpty()) {
      buildWide(weights);
    }
    List<double[]> g = clip(grads, wideClippedGrads, double[]::clone, GradientSet::ofDoubles);
    double lr = currentLearningRate();
    for (int i = 0; i < weights.size(); i++) {
      double[] w = weights.get(i);
      if (!Double.isNaN(weightDecay)) {
        double decay = weightDecay * lr;
        for (int j = 0; j < w.length; j++) {
          w[j] -= w[j] * decay;
        }
      }
      update(w, g.get(i), wideSlots.get(i), lr, iterations + 1);
    }
    iterations++;
  }

  private void checkCounts(int weights, int grads, int built) {
    if (weights != grads) {
      throw new IllegalArgumentException(
          name + ": " + weights + " variables but " + grads + " gradients");
    }
    if (built != 0 && built != weights) {
      throw new IllegalStateException(
          name + ": built for " + built + " variables, now given " + weights);
    }
  }

  // ---- state for data-parallel trainers, which average it across model replicas ----

  /** Every slot value, variable after variable, slot after slot; empty before the first step. */
  public final float[] flatSlotValues() {
    float[] flat = new float[Math.toIntExact(slotCount())];
    int at = 0;
    for (float[][] variableSlots : floatSlots()) {
      for (float[] s : variableSlots) {
        System.arraycopy(s, 0, flat, at, s.length);
        at += s.length;
      }
    }
    return flat;
  }

  /**
   * Takes over state from {@link #flatSlotValues()} and {@link #iterations()} of an optimizer of
   * the same kind bound to variables of these lengths; empty values leave the slots unbuilt, as in
   * a new optimizer, whatever this one held before.
   */
  public final void restoreFlatState(List<float[]> weights, float[] slotValues, long iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException(name + ": iterations must be >= 0, got " + iterations);
    }
    this.iterations = iterations;
    wideSlots.clear();
    if (slotValues.length == 0) {
      slots.clear();
      return;
    }
    if (slots.isEmpty()) {
      build(weights);
    }
    if (slotValues.length != slotCount()) {
      throw new IllegalArgumentException(
          name + ": holds " + slotCount() + " slot values, given " + slotValues.length);
    }
    int at = 0;
    for (float[][] variableSlots : slots) {
      for (float[] s : variableSlots) {
        System.arraycopy(slotValues, at, s, 0, s.length);
        at += s.length;
      }
    }
  }

  private void build(List<float[]> weights) {
    for (float[] w : weights) {
      float[][] variableSlots = new float[slotsPerVariable()][w.length];
      for (int s = 0; s < variableSlots.length; s++) {
        Arrays.fill(variableSlots[s], (float) initialSlotValue(s));
      }
      slots.add(variableSlots);
    }
  }

  /**
   * Float64 slots for these variables: widened from float32 ones restored from a saved state, else
   * at their initial values.
   */
  private void buildWide(List<double[]> weights) {
    for (int v = 0; v < weights.size(); v++) {
      double[][] variableSlots = new double[slotsPerVariable()][weights.get(v).length];
      for (int s = 0; s < variableSlots.length; s++) {
        if (slots.isEmpty()) {
          Arrays.fill(variableSlots[s], initialSlotValue(s));
        } else {
          float[] restored = slots.get(v)[s];
          for (int j = 0; j < restored.length; j++) {
            variableSlots[s][j] = restored[j];
          }
        }
      }
      wideSlots.add(variableSlots);
    }
    slots.clear();
  }

  /**
   * The gradients to use: the caller's own, or clipped copies (never clipped in place), reused from
   * the last step.
   */
  private <T> List<T> clip(
      List<T> grads, List<T> copies, UnaryOperator<T> copy, Function<List<T>, GradientSet> view) {
    boolean byNorm = !Double.isNaN(clipNorm);
    boolean byValue = !Double.isNaN(clipValue);
    boolean byGlobal = !Double.isNaN(globalClipNorm);
    if (!byNorm && !byValue && !byGlobal) {
      return grads;
    }
    if (copies.size() != grads.size()) {
      copies.clear();
      grads.forEach(g -> copies.add(copy.apply(g)));
    } else {
      for (int i = 0; i < grads.size(); i++) {
        T g = grads.get(i);
        System.arraycopy(g, 0, copies.get(i), 0, Array.getLength(g));
      }
    }
    GradientSet clipped = view.apply(copies);
    if (byNorm) {
      GradientClipping.byNorm(clipped, clipNorm);
    } else if (byGlobal) {
      GradientClipping.byGlobalNorm(clipped, globalClipNorm);
    } else {
      GradientClipping.byValue(clipped, clipValue);
    }
    return copies;
  }

  /** The rate for the next update: the schedule's value at {@link #iterations()} if one is set. */
  public final double currentLearningRate() {
    return schedule != null ? schedule.rate(iterations) : learningRate;
  }

  @Override
  public final double learningRate() {
    return currentLearningRate();
  }

  @Override
  public final void setLearningRate(double learningRate) {
    if (schedule != null) {
      throw new IllegalStateException(
          name + ": the learning rate follows a schedule and cannot be set");
    }
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          name + ": learning rate must be finite and ≥ 0, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  /** Follows {@code schedule} instead of a fixed learning rate. */
  public final SELF learningRate(LearningRateSchedule schedule) {
    this.schedule = schedule;
    return self();
  }

  @Override
  public final long iterations() {
    return iterations;
  }

  @Override
  public final long slotCount() {
    long count = 0;
    for (float[][] variableSlots : slots) {
      for (float[] s : variableSlots) {
        count += s.length;
      }
    }
    for (double[][] variableSlots : wideSlots) {
      for (double[] s : variableSlots) {
        count += s.length;
      }
    }
    return count;
  }

  /** How many slot arrays each variable has (Adam: 2, or 3 with amsgrad; SGD: 1 with momentum). */
  public final int slotsPerVariableCount() {
    return slotsPerVariable();
  }

  /**
   * The slots as float32: the float32 slots themselves, or float64 ones rounded into new arrays, as
   * model files and checkpoints store every weight in float32.
   */
  private List<float[][]> floatSlots() {
    if (wideSlots.isEmpty()) {
      return slots;
    }
    List<float[][]> rounded = new ArrayList<>(wideSlots.size());
    for (double[][] variableSlots : wideSlots) {
      float[][] r = new float[variableSlots.length][];
      for (int s = 0; s < r.length; s++) {
        r[s] = new float[variableSlots[s].length];
        for (int j = 0; j < r[s].length; j++) {
          r[s][j] = (float) variableSlots[s][j];
        }
      }
      rounded.add(r);
    }
    return rounded;
  }

  /** Copies of the slots, per variable in step order; empty before the first step. */
  public final List<float[][]> slotValues() {
    if (!wideSlots.isEmpty()) {
      return floatSlots(); // already fresh arrays
    }
    List<float[][]> copy = new ArrayList<>(slots.size());
    for (float[][] variableSlots : slots) {
      float[][] c = new float[variableSlots.length][];
      for (int i = 0; i < c.length; i++) {
        c[i] = variableSlots[i].clone();
      }
      copy.add(c);
    }
    return copy;
  }

  /**
   * Continues from a saved state (a model file's): the update count and, per variable in step
   * order, its {@link #slotsPerVariableCount()} slot arrays.
   */
  public final void restoreState(long iterations, List<float[][]> variableSlots) {
    if (iterations < 0) {
      throw new IllegalArgumentException(name + ": iterations must be ≥ 0, got " + iterations);
    }
    for (float[][] s : variableSlots) {
      if (s.length != slotsPerVariable()) {
        throw new IllegalArgumentException(
            name + ": expected " + slotsPerVariable() + " slots per variable, got " + s.length);
      }
    }
    slots.clear();
    wideSlots.clear();
    clippedGrads.clear();
    for (float[][] s : variableSlots) {
      float[][] copy = new float[s.length][];
      for (int i = 0; i < s.length; i++) {
        copy[i] = s[i].clone();
      }
      slots.add(copy);
    }
    this.iterations = iterations;
  }

  /** Clips each gradient tensor to L2 norm ≤ {@code clipNorm}. */
  public final SELF clipNorm(double clipNorm) {
    this.clipNorm = positive("clipNorm", clipNorm);
    checkOneClipping();
    return self();
  }

  /** Clips every gradient element to [-clipValue, clipValue]. */
  public final SELF clipValue(double clipValue) {
    this.clipValue = positive("clipValue", clipValue);
    checkOneClipping();
    return self();
  }

  /** Scales all gradients together so that their joint L2 norm is ≤ {@code clipNorm}. */
  public final SELF globalClipNorm(double clipNorm) {
    this.globalClipNorm = positive("globalClipNorm", clipNorm);
    checkOneClipping();
    return self();
  }

  /** Decoupled weight decay: w ← w − w·decay·lr before each update. */
  public SELF weightDecay(double weightDecay) {
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException(name + ": weightDecay must be ≥ 0, got " + weightDecay);
    }
    this.weightDecay = weightDecay;
    return self();
  }

  private double positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + ": " + option + " must be finite and > 0, got " + value);
    }
    return value;
  }

  private void checkOneClipping() {
    int set =
        (Double.isNaN(clipNorm) ? 0 : 1)
            + (Double.isNaN(clipValue) ? 0 : 1)
            + (Double.isNaN(globalClipNorm) ? 0 : 1);
    if (set > 1) {
      throw new IllegalArgumentException(
          name + ": at most one of clipNorm, clipValue and globalClipNorm may be set");
    }
  }

  @Override
  public final Map<String, Object> config() {
    Map<String, Object> config = new TreeMap<>(options());
    if (schedule == null) {
      config.put("learning_rate", learningRate);
    }
    putIfSet(config, "clipnorm", clipNorm);
    putIfSet(config, "clipvalue", clipValue);
    putIfSet(config, "global_clipnorm", globalClipNorm);
    putIfSet(config, "weight_decay", weightDecay);
    return config;
  }

  private static void putIfSet(Map<String, Object> config, String key, double value) {
    if (!Double.isNaN(value)) {
      config.put(key, value);
    }
  }
}
