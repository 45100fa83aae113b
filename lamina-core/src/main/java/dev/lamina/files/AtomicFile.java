package dev.lamina.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a whole file through a temporary file in the same folder, forced to disk, then renamed
 * over the target, so a reader (or a process killed mid-write) sees the old file or the new one,
 * never a half-written one.
 */
public final class AtomicFile {

  /** Writes the content to the stream it is given. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final String TEMPORARY_SUFFIX = ".tmp";

  private AtomicFile() {}

  /**
   * Deletes the temporary files that writes of {@code file} killed before their rename left beside
   * it (hidden {@code .NAME.<uuid>.tmp} files), and returns how many. Call it only while no other
   * process is writing {@code file}.
   */
  public static int deleteLeftovers(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    String prefix = "." + file.getFileName() + ".";
    int deleted = 0;
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            dir, entry -> isTemporaryName(entry.getFileName().toString(), prefix))) {
      for (Path leftover : entries) {
        if (Files.deleteIfExists(leftover)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up beside " + file + ": " + e.getMessage(), e);
    }
    return deleted;
  }

  private static boolean isTemporaryName(String name, String prefix) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMPORARY_SUFFIX)) {
      return false;
    }
    String id = name.substring(prefix.length(), name.length() - TEMPORARY_SUFFIX.length());
    try {
      return UUID.fromString(id).toString().equals(id);
    } catch (IllegalArgumentException notOurs) {
      return false;
    }
  }

  public static void write(Path file, byte[] content) {
    write(file, out -> out.write(content));
  }

  public static void write(Path file, Body body) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      // a plain new file (not createTempFile's owner-only one) gets the user's usual permissions
      Path temp =
          dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
      try {
        try (FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          OutputStream out = Channels.newOutputStream(channel);
          body.writeTo(out);
          out.flush();
          channel.force(true);
        }
        try {
          Files.move(
              temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
