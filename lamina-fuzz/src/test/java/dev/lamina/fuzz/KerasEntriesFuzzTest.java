package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .keras} reader past its zip: an intact zip around a fuzzed {@code config.json} and
 * {@code model.weights.h5}, so the fuzzer reaches the layer translation, the parameter budget, the
 * HDF5 weights (v3 layout) and the optimizer's saved variables. {@link Sequential#load} gives a
 * model or fails with a {@link ModelFileException}, allocating within {@link Contract}'s bound.
 */
class KerasEntriesFuzzTest {
  private static final FuzzedFile FILE = new FuzzedFile(".keras");

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /**
   * The entry point of {@code tools/fuzz} (Jazzer's standalone driver); the input is {@link
   * TwoEntries}: {@code config.json}, then {@code model.weights.h5}.
   */
  public static void fuzzerTestOneInput(byte[] input) {
    TwoEntries parts = TwoEntries.of(input);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("config.json", parts.first());
    entries.put("model.weights.h5", parts.second());
    byte[] zip = TwoEntries.zip(entries);
    Contract.check(() -> Sequential.load(FILE.holding(zip)), List.of(ModelFileException.class));
  }
}
