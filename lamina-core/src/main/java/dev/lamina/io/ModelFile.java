package dev.lamina.io;

import dev.lamina.ModelFileException;
import dev.lamina.files.AtomicFile;
import dev.lamina.files.StoredZipEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes model files (docs/model-format.md): a zip holding {@code manifest.json} (format
 * name and version, and the SHA-256 of every other entry), {@code config.json}, {@code weights.bin}
 * and any extra JSON documents, each stored uncompressed ({@link StoredZipEntry}); files whose
 * entries are deflated read as well.
 *
 * <p>Writing goes through {@link AtomicFile}: a crash leaves either the old file or the new one.
 * Reading treats the file as untrusted: every entry's size is bounded before it is buffered, every
 * checksum verified, and any problem raised as a {@link ModelFileException}.
 */
public final class ModelFile {
  static final String FORMAT = "lamina-model";
  static final int VERSION = 1;
  static final String MANIFEST = "manifest.json";
  static final String CONFIG = "config.json";
  static final String WEIGHTS = "weights.bin";
  private static final long MAX_JSON_BYTES = 64L << 20;
  private static final long MAX_WEIGHT_BYTES = Integer.MAX_VALUE - 16L;
  private static final int MAX_ENTRIES = 64;

  /**
   * The most an entry may inflate, beyond its first mebibyte: float32 weights deflate by a few
   * percent and JSON by a factor of ten or so, while a zip bomb inflates a thousandfold.
   */
  private static final long MAX_INFLATION = 100;

  private static final long INFLATION_ALLOWANCE = 1L << 20;

  private ModelFile() {}

  public static void write(Path file, ModelContents contents) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(CONFIG, Json.write(contents.config()).getBytes(StandardCharsets.UTF_8));
    entries.put(WEIGHTS, WeightsCodec.encode(contents.weights()));
    contents
        .extras()
        .forEach(
            (name, json) -> {
              if (name.equals(MANIFEST)
                  || name.equals(CONFIG)
                  || name.equals(WEIGHTS)
                  || name.contains("/")) {
                throw new IllegalArgumentException(
                    "model file extra entry name '" + name + "' is reserved or not plain");
              }
              entries.put(name, json.getBytes(StandardCharsets.UTF_8));
            });
    Map<String, Object> checksums = new LinkedHashMap<>();
    entries.forEach((name, bytes) -> checksums.put(name, sha256(bytes)));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("format_version", VERSION);
    manifest.put("sha256", checksums);
    try {
      AtomicFile.write(
          file,
          out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            StoredZipEntry.put(
                zip, MANIFEST, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
              StoredZipEntry.put(zip, e.getKey(), e.getValue());
            }
            zip.finish();
          });
    } catch (java.io.UncheckedIOException e) {
      throw new ModelFileException(file, "cannot write: " + e.getCause().getMessage(), e);
    }
  }

  public static ModelContents read(Path file) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    // ZipFile reads the central directory at the end, so a truncated file cannot pass as whole
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw new ModelFileException(file, "more than " + MAX_ENTRIES + " entries");
      }
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        String name = entry.getName();
        if (entries.containsKey(name)) {
          throw new ModelFileException(file, "entry '" + name + "' appears twice");
        }
        long limit = name.equals(WEIGHTS) ? MAX_WEIGHT_BYTES : MAX_JSON_BYTES;
        long inflated =
            INFLATION_ALLOWANCE + MAX_INFLATION * Math.max(0, entry.getCompressedSize());
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(name, BoundedInput.readAll(in, Math.min(limit, inflated), file, name));
        }
      }
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(file, "not a readable model file (" + e.getMessage() + ")", e);
    }
    return decode(file, entries);
  }

  private static ModelContents decode(Path file, Map<String, byte[]> entries) {
    byte[] manifestBytes = entries.remove(MANIFEST);
    if (manifestBytes == null) {
      throw new ModelFileException(
          file, "no " + MANIFEST + "; it is not a Lamina model file or it is truncated");
    }
    try {
      Map<String, Object> manifest =
          Json.parseObject(new String(manifestBytes, StandardCharsets.UTF_8));
      if (!FORMAT.equals(manifest.get("format"))) {
        throw new ModelFileException(
            file, "format is " + manifest.get("format") + ", expected " + FORMAT);
      }
      if (!(manifest.get("format_version") instanceof Long version)
          || version > VERSION
          || version < 1) {
        throw new ModelFileException(
            file,
            "format version "
                + manifest.get("format_version")
                + " is not supported (this Lamina reads 1.."
                + VERSION
                + ")");
      }
      if (!(manifest.get("sha256") instanceof Map<?, ?> checksums)) {
        throw new ModelFileException(file, "the manifest lists no checksums");
      }
      if (!checksums.keySet().equals(entries.keySet())) {
        throw new ModelFileException(
            file,
            "entries " + entries.keySet() + " do not match the manifest's " + checksums.keySet());
      }
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        if (!sha256(e.getValue()).equals(checksums.get(e.getKey()))) {
          throw new ModelFileException(
              file, "checksum mismatch in '" + e.getKey() + "': the file is corrupted");
        }
      }
      byte[] configBytes = entries.remove(CONFIG);
      byte[] weightBytes = entries.remove(WEIGHTS);
      if (configBytes == null || weightBytes == null) {
        throw new ModelFileException(file, "missing " + (configBytes == null ? CONFIG : WEIGHTS));
      }
      Map<String, Object> config =
          Json.parseObject(new String(configBytes, StandardCharsets.UTF_8));
      List<NamedArray> weights = WeightsCodec.decode(weightBytes, WEIGHTS);
      Map<String, String> extras = new LinkedHashMap<>();
      entries.forEach((name, bytes) -> extras.put(name, new String(bytes, StandardCharsets.UTF_8)));
      return new ModelContents(config, weights, extras);
    } catch (ModelFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
