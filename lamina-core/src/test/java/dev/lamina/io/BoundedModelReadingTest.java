package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.ModelFileException;
import dev.lamina.files.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files that declare or inflate to huge sizes fail before that much is allocated. */
class BoundedModelReadingTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @TempDir Path dir;

  @Test
  void aZipBombEntryFailsAfterABoundedRead() throws IOException {
    Path bomb = dir.resolve("bomb.lamina");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write("{}".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("weights.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertTrue(Files.size(bomb) < (1 << 20), "256 MiB of zeros deflate to " + Files.size(bomb));
    long before = THREADS.getCurrentThreadAllocatedBytes();
    ModelFileException error = assertThrows(ModelFileException.class, () -> ModelFile.read(bomb));
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    assertTrue(error.getMessage().contains("'weights.bin' is larger than"), error.getMessage());
    // buffers that double up to the bound: far below the 256 MiB the entry inflates to
    assertTrue(allocated < (128L << 20), "allocated " + allocated + " bytes");
  }

  @Test
  void aDeclaredTensorShapeBeyondTheFileFailsBeforeAllocation() {
    String header =
        "{\"tensors\":[{\"name\":\"kernel\",\"dtype\":\"F32\",\"shape\":[100000,100000],"
            + "\"offsets\":[0,40000000000]}]}";
    byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[8 + headerBytes.length];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) ((long) headerBytes.length >>> (8 * i));
    }
    System.arraycopy(headerBytes, 0, bytes, 8, headerBytes.length);
    long before = THREADS.getCurrentThreadAllocatedBytes();
    assertThrows(IllegalArgumentException.class, () -> WeightsCodec.decode(bytes, "weights.bin"));
    assertTrue(THREADS.getCurrentThreadAllocatedBytes() - before < (1 << 20));
  }

  @Test
  void leftoversOfKilledWritesAreDeletedAndOtherFilesKept() throws IOException {
    Path model = dir.resolve("model.lamina");
    AtomicFile.write(model, new byte[] {1});
    Path leftover = dir.resolve(".model.lamina." + UUID.randomUUID() + ".tmp");
    Path otherName = dir.resolve(".model.lamina.backup.tmp");
    Path otherFile = dir.resolve(".history.csv." + UUID.randomUUID() + ".tmp");
    for (Path file : new Path[] {leftover, otherName, otherFile}) {
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(0);
      }
    }
    assertEquals(1, AtomicFile.deleteLeftovers(model));
    assertFalse(Files.exists(leftover));
    assertTrue(Files.exists(otherName) && Files.exists(otherFile) && Files.exists(model));
    assertEquals(0, AtomicFile.deleteLeftovers(dir.resolve("absent/model.lamina")));
  }
}
