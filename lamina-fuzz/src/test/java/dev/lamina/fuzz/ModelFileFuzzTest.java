package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.Sequential;
import dev.lamina.io.ModelFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code .lamina} reader on any bytes: {@link Sequential#load} gives a model or fails with
 * a {@link ModelFileException}. The checksums stop most mutated files early, so
 * {@link ModelEntriesFuzzTest} fuzzes the entries behind valid checksums.
 */
class ModelFileFuzzTest {
  private static final Path FILE = temporaryFile();

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] bytes) {
    fuzzerTestOneInput(bytes);
  }

  /** The entry point of {@code tools/fuzz} (Jazzer's standalone driver). */
  public static void fuzzerTestOneInput(byte[] bytes) {
    try {
      Files.write(FILE, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Contract.check(() -> Sequential.load(FILE), List.of(ModelFileException.class));
  }

  static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("fuzz", ".lamina");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
