package dev.lamina.data.images;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), gzip-compressed or not: a magic number
 * {@code 0x0000 0x08 rank}, one big-endian int per dimension, then the bytes in row-major order.
 * Sizes are checked against a bound before anything is allocated.
 */
final class IdxFiles {
  /** The most values one file may declare (a float32 copy of it takes 4 bytes each). */
  static final long MAX_VALUES = 1L << 28;

  private IdxFiles() {}

  /** The shape and values of an IDX file, expecting {@code rank} dimensions. */
  record Idx(int[] shape, byte[] values) {}

  static Idx read(Path file, int rank) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      try (DataInputStream in =
          new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
        return read(in, file, rank);
      }
    } catch (EOFException e) {
      throw new ImageDataException(file + ": IDX file ends early (truncated download?)", e);
    } catch (IOException e) {
      throw new ImageDataException(file + ": cannot read IDX file: " + e.getMessage(), e);
    }
  }

  private static Idx read(DataInputStream in, Path file, int rank) throws IOException {
    int magic = in.readInt();
    if ((magic >>> 8) != 0x08 || (magic & 0xff) != rank) {
      throw new ImageDataException(
          String.format(
              "%s: not an IDX file of unsigned bytes with %d dimensions (magic number 0x%08x, "
                  + "expected 0x%08x)",
              file, rank, magic, 0x0800 | rank));
    }
    int[] shape = new int[rank];
    long size = 1;
    for (int d = 0; d < rank; d++) {
      shape[d] = in.readInt();
      size *= Math.max(shape[d], 0);
      if (shape[d] <= 0 || size > MAX_VALUES) {
        throw new ImageDataException(
            file
                + ": IDX dimensions "
                + Arrays.toString(Arrays.copyOf(shape, d + 1))
                + " are not positive or exceed "
                + MAX_VALUES
                + " values");
      }
    }
    byte[] values = new byte[(int) size];
    in.readFully(values);
    if (in.read() != -1) {
      throw new ImageDataException(
          file
              + ": IDX file has bytes after the "
              + size
              + " values its header "
              + Arrays.toString(shape)
              + " declares");
    }
    return new Idx(shape, values);
  }
}
