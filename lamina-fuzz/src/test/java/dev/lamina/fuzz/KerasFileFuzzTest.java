package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.util.List;

/**
 * The Keras v3 {@code .keras} reader on any bytes, as a downloaded file would give them: the zip
 * directory, entry sizes and compression reach {@code KerasArchive} before any checksum. {@link
 * Sequential#load} gives a model or fails with a {@link ModelFileException} (Keras's {@code
 * KerasModelException} is one), allocating within {@link Contract}'s bound. {@link
 * KerasEntriesFuzzTest} fuzzes the entries inside an intact zip.
 */
class KerasFileFuzzTest {
  private static final FuzzedFile FILE = new FuzzedFile(".keras");

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] bytes) {
    fuzzerTestOneInput(bytes);
  }

  /** The entry point of {@code tools/fuzz} (Jazzer's standalone driver). */
  public static void fuzzerTestOneInput(byte[] bytes) {
    Contract.check(() -> Sequential.load(FILE.holding(bytes)), List.of(ModelFileException.class));
  }
}
