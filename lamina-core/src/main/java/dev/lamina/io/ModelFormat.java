package dev.lamina.io;

import dev.lamina.ModelFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;

/**
 * The kinds of model file Lamina reads, told apart by their content, never by their name (real
 * files named {@code .keras} are sometimes HDF5): a zip starting at byte 0 holding Lamina's
 * manifest or Keras's config and weights, or an HDF5 file.
 */
public enum ModelFormat {
  /** Lamina's own zip (docs/model-format.md). */
  LAMINA,
  /** Keras v3: a zip of metadata.json, config.json and model.weights.h5. */
  KERAS,
  /** Keras's legacy whole-model HDF5 file ({@code model_config} attribute). */
  KERAS_H5;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** The format of {@code file}; an unknown or unreadable one raises {@link ModelFileException}. */
  public static ModelFormat of(Path file) {
    byte[] head = new byte[HDF5.length];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot read (" + e.getMessage() + ")", e);
    }
    if (read == HDF5.length && Arrays.equals(head, HDF5)) {
      return KERAS_H5;
    }
    if (read >= ZIP.length && Arrays.equals(Arrays.copyOf(head, ZIP.length), ZIP)) {
      return zipKind(file);
    }
    throw new ModelFileException(
        file,
        "not a model file: it starts neither as a zip (Lamina or Keras v3) nor as HDF5 (legacy"
            + " Keras); first bytes "
            + hex(head, read));
  }

  private static ModelFormat zipKind(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry(ModelFile.MANIFEST) != null) {
        return LAMINA;
      }
      if (zip.getEntry("config.json") != null) {
        return KERAS;
      }
      throw new ModelFileException(
          file,
          "a zip that holds neither " + ModelFile.MANIFEST + " (Lamina) nor config.json (Keras)");
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ZipFile throws IllegalArgumentException for an entry name that is not UTF-8
      throw new ModelFileException(
          file, "not a readable zip; it may be truncated (" + e.getMessage() + ")", e);
    }
  }

  private static String hex(byte[] bytes, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(String.format("%02x", bytes[i] & 0xff));
    }
    return length == 0 ? "(empty file)" : out.toString();
  }
}
