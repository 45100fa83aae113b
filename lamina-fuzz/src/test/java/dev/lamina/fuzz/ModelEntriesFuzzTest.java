package dev.lamina.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.Sequential;
import dev.lamina.io.ModelFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .lamina} reader behind its checksums: a zip with a correct manifest around a fuzzed
 * {@code config.json} and {@code weights.bin}, so the fuzzer reaches the layer configuration and
 * the weight decoding (declared shapes, offsets, header lengths). {@link Sequential#load} gives
 * a model or fails with a {@link ModelFileException}, allocating within {@link Contract}'s bound.
 */
class ModelEntriesFuzzTest {
  private static final Path FILE = ModelFileFuzzTest.temporaryFile();

  @FuzzTest(maxDuration = "5s")
  void loadsOrFailsTyped(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /**
   * The entry point of {@code tools/fuzz} (Jazzer's standalone driver). The input is a 2-byte
   * big-endian length, that many bytes of {@code config.json}, then {@code weights.bin}, so the
   * seeds are real model entries.
   */
  public static void fuzzerTestOneInput(byte[] input) {
    int split = input.length < 2 ? 0
        : Math.min(input.length - 2, ((input[0] & 0xff) << 8) | (input[1] & 0xff));
    int start = Math.min(2, input.length);
    byte[] config = Arrays.copyOfRange(input, start, start + split);
    byte[] weights = Arrays.copyOfRange(input, start + split, input.length);
    try {
      Files.write(FILE, zip(config, weights));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Contract.check(() -> Sequential.load(FILE), List.of(ModelFileException.class));
  }

  /** A model file as ModelFile writes one (docs/model-format.md), around the given entries. */
  static byte[] zip(byte[] config, byte[] weights) throws IOException {
    String manifest = "{\"format\":\"lamina-model\",\"format_version\":1,\"sha256\":{"
        + "\"config.json\":\"" + sha256(config) + "\",\"weights.bin\":\"" + sha256(weights)
        + "\"}}";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      put(zip, "config.json", config);
      put(zip, "weights.bin", weights);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
