package dev.lamina;

import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Training data that {@code fit} reads batch by batch instead of from two in-memory tensors.
 *
 * <p>It lives in core so that core never depends on the data module: lamina-data implements it (for
 * example with a CSV file streamed in chunks), and any other source of (x, y) pairs can too. Each
 * call to {@link #open(long)} starts one pass over the data (one epoch); the seed decides the order
 * of the rows in that pass, so the same seed gives the same batches.
 */
public interface BatchSource {

  /**
   * Starts one pass over the data. The caller closes the returned iterator, also when it stops
   * early, so that files or other resources held by the pass are released.
   *
   * @param seed decides the shuffling of this pass; a training loop passes a different seed per
   *     epoch, derived from its own seed
   */
  Batches open(long seed);

  /** The number of rows in one pass, when the source knows it without reading everything. */
  OptionalLong rowCount();

  /** One pass of batches; every batch but the last has the source's batch size. */
  interface Batches extends Iterator<Batch>, AutoCloseable {
    @Override
    void close();
  }

  /**
   * Features and targets of the same rows: {@code x} has shape (rows, features) and {@code y} has
   * shape (rows, targets).
   */
  record Batch(Tensor x, Tensor y) {
    public Batch {
      if (x.shape()[0] != y.shape()[0]) {
        throw new IllegalArgumentException(
            "BatchSource.Batch: x has " + x.shape()[0] + " rows but y has " + y.shape()[0]);
      }
    }

    /** The number of rows in this batch. */
    public int rows() {
      return x.shape()[0];
    }
  }
}
