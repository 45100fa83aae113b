package dev.lamina.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A fuzz input that stands for two zip entries: a 2-byte big-endian length, that many bytes of the
 * first entry, then the second; so that seeds can be real entries of real files.
 */
record TwoEntries(byte[] first, byte[] second) {

  static TwoEntries of(byte[] input) {
    int split =
        input.length < 2
            ? 0
            : Math.min(input.length - 2, ((input[0] & 0xff) << 8) | (input[1] & 0xff));
    int start = Math.min(2, input.length);
    return new TwoEntries(
        Arrays.copyOfRange(input, start, start + split),
        Arrays.copyOfRange(input, start + split, input.length));
  }

  /** A zip of the named entries, in the map's order. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
