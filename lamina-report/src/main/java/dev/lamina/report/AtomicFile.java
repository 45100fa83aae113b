package dev.lamina.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a whole file through a temporary file in the same folder and a rename, so a reader (or a
 * killed process) never sees it half-written.
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void write(Path file, byte[] content) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      // a plain new file (not createTempFile's owner-only one) gets the user's usual permissions
      Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
