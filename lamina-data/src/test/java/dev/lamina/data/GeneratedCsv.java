package dev.lamina.data;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A CSV produced on the fly, never held in memory: header {@code id,x,color,y}, then rows with
 * {@code id} counting from 0, {@code x = id % 1000}, a color out of three and {@code y = id % 2}.
 */
final class GeneratedCsv extends InputStream {
  private static final String[] COLORS = {"red", "green", "blue"};
  private final long rows;
  private long nextRow;
  private byte[] pending = "id,x,color,y\n".getBytes(StandardCharsets.UTF_8);
  private int position;
  private long bytesRead;

  GeneratedCsv(long rows) {
    this.rows = rows;
  }

  long bytesRead() {
    return bytesRead;
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    bytesRead++;
    return pending[position++] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, pending.length - position);
    System.arraycopy(pending, position, target, offset, count);
    position += count;
    bytesRead += count;
    return count;
  }

  /** Makes the next block of rows when the current one is used up; false at the end. */
  private boolean fill() {
    if (position < pending.length) {
      return true;
    }
    if (nextRow >= rows) {
      return false;
    }
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 1024 && nextRow < rows; i++, nextRow++) {
      block
          .append(nextRow)
          .append(',')
          .append(nextRow % 1000)
          .append(',')
          .append(COLORS[(int) (nextRow % 3)])
          .append(',')
          .append(nextRow % 2)
          .append('\n');
    }
    pending = block.toString().getBytes(StandardCharsets.UTF_8);
    position = 0;
    return true;
  }
}
