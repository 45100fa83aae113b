package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .lamina} reader behind its checksums: a zip with a correct manifest around a fuzzed
 * {@code config.json} and {@code weights.bin}, so the fuzzer reaches the layer configuration and
 * the weight decoding (declared shapes, offsets, header lengths). {@link Sequential#load} gives a
 * model or fails with a {@link ModelFileException}, allocating within {@link Contract}'s bound.
 */
class ModelEntriesFuzzTest {
  private static final FuzzedFile FILE = new FuzzedFile(".lamina");

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /**
   * The entry point of {@code tools/fuzz} (Jazzer's standalone driver); the input is {@link
   * TwoEntries}: {@code config.json}, then {@code weights.bin}.
   */
  public static void fuzzerTestOneInput(byte[] input) {
    TwoEntries parts = TwoEntries.of(input);
    byte[] zip = zip(parts.first(), parts.second());
    Contract.check(() -> Sequential.load(FILE.holding(zip)), List.of(ModelFileException.class));
  }

  /** A model file as ModelFile writes one (docs/model-format.md), around the given entries. */
  private static byte[] zip(byte[] config, byte[] weights) {
    String manifest =
        "{\"format\":\"lamina-model\",\"format_version\":1,\"sha256\":{"
            + "\"config.json\":\""
            + sha256(config)
            + "\",\"weights.bin\":\""
            + sha256(weights)
            + "\"}}";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    entries.put("config.json", config);
    entries.put("weights.bin", weights);
    return TwoEntries.zip(entries);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
