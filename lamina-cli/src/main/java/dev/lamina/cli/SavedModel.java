package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.Table;
import dev.lamina.io.ModelContents;
import dev.lamina.io.ModelFile;
import dev.lamina.io.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

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
      throw new BadInputException(
          "--model "
              + file
              + ": holds a network but no "
              + Preprocessing.EXTRA_NAME
              + " (a checkpoint of an unfinished lamina train?)");
    }
    Preprocessing preprocessing = Preprocessing.fromJson(json, file.toString());
    Sequential network = Sequential.load(file);
    requireAgreement(file, network, preprocessing);
    return new SavedModel(file, network, preprocessing);
  }

  /** The network's input and output widths are those the preprocessing and classes imply. */
  private static void requireAgreement(Path file, Sequential network, Preprocessing p) {
    int[] in = network.inputShape();
    int[] out = network.outputShape();
    int classes = p.classes().size();
    boolean classesFit =
        switch (p.task()) {
          case REGRESSION -> classes == 0;
          case BINARY -> classes == 2;
          case MULTICLASS -> classes >= 2;
        };
    if (in.length != 1
        || in[0] != p.inputWidth()
        || out.length != 1
        || out[0] != p.outputWidth()
        || !classesFit) {
      throw new BadInputException(
          "--model "
              + file
              + ": the network (inputs "
              + Arrays.toString(in)
              + ", outputs "
              + Arrays.toString(out)
              + ") does not match its preprocessing ("
              + p.inputWidth()
              + " inputs, task "
              + p.task().cliName()
              + ", "
              + classes
              + " classes)");
    }
  }

  boolean hasPreprocessing() {
    return preprocessing != null;
  }

  /**
   * Reads a CSV with the column types seen at training (so a column of numbers stays text if it was
   * text); every input column, and the target if asked, must be present.
   */
  Table readData(Path csv, boolean withTarget, DataOptions format) {
    return DataFiles.read(csv, preprocessing.readTypes(withTarget), format);
  }

  /**
   * Reads a CSV as {@link #readData} does, in tables of at most {@code rows} rows handed to {@code
   * chunks} in file order.
   */
  void readData(
      Path csv, boolean withTarget, DataOptions format, int rows, Consumer<Table> chunks) {
    DataFiles.readChunks(csv, preprocessing.readTypes(withTarget), format, rows, chunks);
  }

  /** The network's outputs for the rows; a non-finite output fails, naming its row. */
  Tensor predict(Table table) {
    return predict(table, 0);
  }

  /** {@link #predict(Table)} of rows that follow {@code rowsBefore} rows of their file. */
  Tensor predict(Table table, long rowsBefore) {
    Tensor outputs = network.predict(preprocessing.inputs(table, rowsBefore), 256);
    float[] values = outputs.toFloatArray();
    int width = outputs.shape()[1];
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new BadInputException(
            "--model "
                + file
                + ": the network gives "
                + values[i]
                + " for data row "
                + (rowsBefore + i / width + 1)
                + " of "
                + table.source()
                + "; its weights are not usable");
      }
    }
    return outputs;
  }
}
