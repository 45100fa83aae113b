package dev.lamina.files;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip entry as it is, without compression, as Keras writes its {@code .keras} members.
 * Float32 weights deflate by only 5–8% while deflating them costs about 50 ms per MB: a training
 * state written after every epoch (weights and Adam's two slots, 6.4 MB for the course's red-wine
 * network) spent 300 ms an epoch in zlib, three quarters of {@code lamina train}'s time.
 */
public final class StoredZipEntry {
  private StoredZipEntry() {}

  /** Adds {@code bytes} to {@code zip} as the stored entry {@code name}. */
  public static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }
}
