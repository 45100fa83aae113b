package dev.lamina.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}, shared by evaluate, predict and summary. */
final class ModelFileOption {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR/model.lamina",
      description = "A model file: written by lamina train, or a Keras .keras / legacy .h5 file.")
  Path model;

  SavedModel load() {
    return SavedModel.load(model);
  }
}
