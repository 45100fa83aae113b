package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A model file written by {@code lamina train}, for scoring outside the command line (a Spark job):
 * the raw input columns it reads, the network inputs it makes of CSV text, and each row's
 * prediction as {@code lamina predict} writes it.
 */
public final class CliModel {
  private final SavedModel saved;

  private CliModel(SavedModel saved) {
    this.saved = saved;
  }

  /** Reads and checks a model file; a missing, damaged or foreign file is bad input. */
  public static CliModel load(Path file) {
    return new CliModel(SavedModel.load(file));
  }

  public Sequential network() {
    return saved.network();
  }

  /** The raw columns the model reads, in training order. */
  public List<String> inputColumns() {
    return List.copyOf(saved.preprocessing().readTypes(false).keySet());
  }

  /** {@code prediction}, and {@code probability} for a classifier: the columns predict writes. */
  public List<String> outputColumns() {
    return saved.preprocessing().task().isClassification()
        ? List.of("prediction", "probability")
        : List.of("prediction");
  }

  /** The network's inputs for CSV text (header first), read as {@code lamina predict} reads. */
  public Tensor inputs(InputStream csv, String source) {
    return saved
        .preprocessing()
        .inputs(DataFiles.read(csv, source, saved.preprocessing().readTypes(false)));
  }

  /**
   * Row {@code row}'s values for {@link #outputColumns()}: the float32 value for a regression; the
   * label and its float32 probability for a classifier.
   */
  public Object[] prediction(float[] outputs, int width, int row) {
    Prediction p =
        Prediction.of(
            outputs, width, row, saved.preprocessing().task(), saved.preprocessing().classes());
    return p.label() == null ? new Object[] {p.value()} : new Object[] {p.label(), p.value()};
  }
}
