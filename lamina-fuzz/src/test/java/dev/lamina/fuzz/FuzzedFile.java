package dev.lamina.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One temporary file per target, rewritten with each input for a reader that takes a path. */
final class FuzzedFile {
  private final Path file;

  FuzzedFile(String suffix) {
    try {
      file = Files.createTempFile("fuzz", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file.toFile().deleteOnExit();
  }

  Path holding(byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
