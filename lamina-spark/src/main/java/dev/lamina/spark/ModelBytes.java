package dev.lamina.spark;

import dev.lamina.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A model in Lamina's own file format as bytes, so that executors rebuild it without Java
 * serialization of model objects (a model file is checked input, not code).
 */
final class ModelBytes {
  private ModelBytes() {}

  static byte[] of(Sequential model) {
    Path file = null;
    try {
      file = Files.createTempFile("lamina-spark-", ".lamina");
      model.save(file);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("SparkTrainer: cannot write the model for the executors", e);
    } finally {
      deleteQuietly(file);
    }
  }

  static Sequential load(byte[] bytes) {
    return load(bytes, Sequential::load);
  }

  /** Reads model-file bytes with a reader of model files (through a temporary file). */
  static <T> T load(byte[] bytes, Function<Path, T> reader) {
    Path file = null;
    try {
      file = Files.createTempFile("lamina-spark-", ".lamina");
      Files.write(file, bytes);
      return reader.apply(file);
    } catch (IOException e) {
      throw new UncheckedIOException("lamina-spark: cannot read a model on an executor", e);
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
