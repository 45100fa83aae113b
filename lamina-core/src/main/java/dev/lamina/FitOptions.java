package dev.lamina;

import dev.lamina.callbacks.Callback;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** How {@code fit} trains: fluent setters with Keras's defaults, validated as they are set. */
public final class FitOptions {
  private int batchSize = 32;
  private int epochs = 1;
  private int initialEpoch = 0;
  private Tensor validationX;
  private Tensor validationY;
  private double validationSplit = 0;
  private boolean shuffle = true;
  private List<Callback> callbacks = List.of();
  private int verbose = 1;
  private Map<Integer, Double> classWeight;
  private Tensor sampleWeight;
  private PrintStream out = System.out;

  /** Samples per gradient step (32); the last batch of an epoch may be smaller. */
  public FitOptions batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("FitOptions.batchSize: must be > 0, got " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** The index of the final epoch (1): training runs epochs initialEpoch … epochs − 1. */
  public FitOptions epochs(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("FitOptions.epochs: must be ≥ 0, got " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /** The epoch to resume at (0), e.g. after an earlier fit. */
  public FitOptions initialEpoch(int initialEpoch) {
    if (initialEpoch < 0) {
      throw new IllegalArgumentException(
          "FitOptions.initialEpoch: must be ≥ 0, got " + initialEpoch);
    }
    this.initialEpoch = initialEpoch;
    return this;
  }

  /** Data evaluated after every epoch (logged with a {@code val_} prefix). */
  public FitOptions validationData(Tensor x, Tensor y) {
    this.validationX = x;
    this.validationY = y;
    return this;
  }

  /** The last fraction of the rows, taken before shuffling, held out for validation. */
  public FitOptions validationSplit(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "FitOptions.validationSplit: must be in (0, 1), got " + fraction);
    }
    this.validationSplit = fraction;
    return this;
  }

  /** Reshuffle the training rows every epoch (true). */
  public FitOptions shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  public FitOptions callbacks(Callback... callbacks) {
    this.callbacks = List.of(callbacks);
    return this;
  }

  /** 1: a progress bar per epoch; 2: one line per epoch; 0: silent. */
  public FitOptions verbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("FitOptions.verbose: must be 0, 1 or 2, got " + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  /** Weights per class index, turned into per-sample weights (missing classes weigh 1). */
  public FitOptions classWeight(Map<Integer, Double> classWeight) {
    this.classWeight = Map.copyOf(classWeight);
    return this;
  }

  /** One weight per training row, multiplying that row's loss. */
  public FitOptions sampleWeight(Tensor sampleWeight) {
    this.sampleWeight = sampleWeight;
    return this;
  }

  /** Where progress is printed (standard output). */
  public FitOptions out(PrintStream out) {
    this.out = out;
    return this;
  }

  int batchSize() {
    return batchSize;
  }

  int epochs() {
    return epochs;
  }

  int initialEpoch() {
    return initialEpoch;
  }

  Tensor validationX() {
    return validationX;
  }

  Tensor validationY() {
    return validationY;
  }

  double validationSplit() {
    return validationSplit;
  }

  boolean shuffle() {
    return shuffle;
  }

  List<Callback> callbackList() {
    return callbacks;
  }

  int verbose() {
    return verbose;
  }

  Map<Integer, Double> classWeights() {
    return classWeight;
  }

  Tensor sampleWeights() {
    return sampleWeight;
  }

  PrintStream out() {
    return out;
  }
}
