package dev.lamina.keras;

import dev.lamina.KerasModelException;
import dev.lamina.ModelFileException;
import dev.lamina.io.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The three entries of a Keras v3 {@code .keras} zip, read with every size bounded before it is
 * buffered: a member may not expand past {@link #MAX_EXPANSION} times what it stores (a
 * decompression bomb), nor past the limits below, whatever its header claims.
 */
record KerasArchive(Map<String, Object> config, Map<String, Object> metadata, byte[] weights) {
  static final String CONFIG = "config.json";
  static final String METADATA = "metadata.json";
  static final String WEIGHTS = "model.weights.h5";
  private static final int MAX_ENTRIES = 64;
  private static final long MAX_JSON_BYTES = 64L << 20;
  private static final long MAX_WEIGHT_BYTES = Integer.MAX_VALUE - 16L;

  /** Keras stores members uncompressed; deflate cannot exceed about 1032:1. */
  private static final long MAX_EXPANSION = 100;

  private static final long EXPANSION_FLOOR = 1 << 20;

  static KerasArchive read(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw new KerasModelException(
            file, "a .keras zip with more than " + MAX_ENTRIES + " entries");
      }
      byte[] config = entry(zip, file, CONFIG, MAX_JSON_BYTES);
      byte[] metadata =
          zip.getEntry(METADATA) == null ? null : entry(zip, file, METADATA, MAX_JSON_BYTES);
      if (zip.getEntry(WEIGHTS) == null) {
        throw new KerasModelException(
            file, "no " + WEIGHTS + " in the .keras zip (only HDF5 weights are supported)");
      }
      long fileLimit =
          Math.min(MAX_WEIGHT_BYTES, Files.size(file) * MAX_EXPANSION + EXPANSION_FLOOR);
      byte[] weights = entry(zip, file, WEIGHTS, fileLimit);
      return new KerasArchive(
          KerasJson.parseObject(config, CONFIG),
          metadata == null ? Map.of() : KerasJson.parseObject(metadata, METADATA),
          weights);
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new KerasModelException(
          file, "not a readable .keras zip; it may be truncated (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] entry(ZipFile zip, Path file, String name, long limit) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new KerasModelException(file, "no " + name + " in the .keras zip");
    }
    long declared = entry.getSize();
    long stored = entry.getCompressedSize();
    if (declared > EXPANSION_FLOOR && stored >= 0 && declared > MAX_EXPANSION * stored) {
      throw new KerasModelException(
          file,
          "zip member '"
              + name
              + "' declares "
              + declared
              + " bytes but stores only "
              + stored
              + ": refused as a decompression bomb");
    }
    long bound =
        Math.min(limit, stored >= 0 ? Math.max(EXPANSION_FLOOR, MAX_EXPANSION * stored) : limit);
    try (InputStream in = zip.getInputStream(entry)) {
      return BoundedInput.readAll(in, bound, file, name);
    }
  }
}
