package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.util.List;

/**
 * The {@code .lamina} reader on any bytes: {@link Sequential#load} gives a model or fails with a
 * {@link ModelFileException}. The checksums stop most mutated files early, so {@link
 * ModelEntriesFuzzTest} fuzzes the entries behind valid checksums.
 */
class ModelFileFuzzTest {
  private static final FuzzedFile FILE = new FuzzedFile(".lamina");

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] bytes) {
    fuzzerTestOneInput(bytes);
  }

  /** The entry point of {@code tools/fuzz} (Jazzer's standalone driver). */
  public static void fuzzerTestOneInput(byte[] bytes) {
    Contract.check(() -> Sequential.load(FILE.holding(bytes)), List.of(ModelFileException.class));
  }
}
