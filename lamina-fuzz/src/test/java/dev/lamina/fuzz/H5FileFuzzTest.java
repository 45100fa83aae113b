package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.util.List;

/**
 * The legacy Keras HDF5 ({@code .h5}) reader on any bytes: jHDF's superblock, object headers,
 * attributes and datasets, then the {@code model_config} and weights. {@link Sequential#load} gives
 * a model or fails with a {@link ModelFileException}, allocating within {@link Contract}'s bound.
 */
class H5FileFuzzTest {
  private static final FuzzedFile FILE = new FuzzedFile(".h5");

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] bytes) {
    fuzzerTestOneInput(bytes);
  }

  /** The entry point of {@code tools/fuzz} (Jazzer's standalone driver). */
  public static void fuzzerTestOneInput(byte[] bytes) {
    Contract.check(() -> Sequential.load(FILE.holding(bytes)), List.of(ModelFileException.class));
  }
}
