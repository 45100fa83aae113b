package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.Table;
import dev.lamina.io.ModelContents;
import dev.lamina.io.ModelFile;
import dev.lamina.io.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model file: one written by {@code lamina train} holds the network and its fitted preprocessing;
 * a Keras file (.keras or legacy .h5) or a plain {@code Sequential.save} file holds the network
 * only, and {@link #preprocessing()} is null.
 */
record SavedModel(Path file, Sequential network, Preprocessing preprocessing) {

  /** Reads and checks {@code file}; a missing, damaged or foreign file is bad input. */
  static SavedModel load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--model " + file + ": no such file");
    }
    if (ModelFormat.of(file) != ModelFormat.LAMINA) {
      return new SavedModel(file, Sequential.load(file), null);
    }
    ModelContents contents = ModelFile.read(file);
    String json = contents.extras().get(Preprocessing.EXTRA_NAME);
    if (json == null) {
      throw new BadInputException("--model " + file + ": holds a network but no "
          + Preprocessing.EXTRA_NAME + " (a checkpoint of an unfinished lamina train?)");
    }
    Preprocessing preprocessing = Preprocessing.fromJson(json, file.toString());
    return new SavedModel(file, Sequential.load(file), preprocessing);
  }

  boolean hasPreprocessing() {
    return preprocessing != null;
  }

  /**
   * Reads a CSV with the column types seen at training (so a column of numbers stays text if it
   * was text); every input column, and the target if asked, must be present.
   */
  Table readData(Path csv, boolean withTarget) {
    return DataFiles.read(csv, preprocessing.readTypes(withTarget));
  }

  Tensor predict(Table table) {
    return network.predict(preprocessing.inputs(table), 256);
  }
}
