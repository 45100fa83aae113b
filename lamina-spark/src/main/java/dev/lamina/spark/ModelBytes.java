package dev.lamina.spark;

import dev.lamina.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    Path file = null;
    try {
      file = Files.createTempFile("lamina-spark-", ".lamina");
      Files.write(file, bytes);
      return Sequential.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("SparkTrainer: cannot read the model on an executor", e);
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
