package dev.lamina.io;

import dev.lamina.ModelFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads untrusted streams whole, but never more than a stated number of bytes. */
public final class BoundedInput {
  private BoundedInput() {}

  /**
   * Reads at most {@code limit} bytes, failing rather than buffering a larger (or bomb) entry; the
   * buffer grows with what actually arrives, never with what a header declares.
   */
  public static byte[] readAll(InputStream in, long limit, Path file, String name)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        throw new ModelFileException(
            file, "entry '" + name + "' is larger than " + limit + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
