package dev.lamina;

import java.nio.file.Path;

/**
 * A model file that cannot be read: truncated, corrupted, oversized or of an unknown format. Keras
 * files raise the subtype {@link KerasModelException}.
 */
public class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFileException(Path file, String problem) {
    super("model file " + file + ": " + problem);
  }

  public ModelFileException(Path file, String problem, Throwable cause) {
    super("model file " + file + ": " + problem, cause);
  }
}
