package dev.lamina.data;

import dev.lamina.BatchSource;
import dev.lamina.Tensor;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One pass of {@link CsvBatchSource}: rows enter a fixed-size buffer; once it is full, each new row
 * replaces a randomly chosen buffered row, which goes to the current batch. At the end of the input
 * the buffer is emptied in random order. Memory: the buffer plus one chunk.
 */
final class ShuffledBatches implements BatchSource.Batches {
  private final CsvChunkReader reader;
  private final Function<Table, CsvBatchSource.FeaturesAndTargets> toFeaturesAndTargets;
  private final int chunkRows;
  private final int batchSize;
  private final int bufferRows;
  private final SplittableRandom random;
  private final Deque<BatchSource.Batch> ready = new ArrayDeque<>();
  private float[] buffer;
  private int buffered;
  private int xWidth = -1;
  private int yWidth;
  private float[] batchX;
  private float[] batchY;
  private int batchFill;
  private boolean exhausted;

  ShuffledBatches(
      CsvChunkReader reader,
      Function<Table, CsvBatchSource.FeaturesAndTargets> toFeaturesAndTargets,
      int chunkRows,
      int batchSize,
      int bufferRows,
      long seed) {
    this.reader = reader;
    this.toFeaturesAndTargets = toFeaturesAndTargets;
    this.chunkRows = chunkRows;
    this.batchSize = batchSize;
    this.bufferRows = bufferRows;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !exhausted) {
      Table chunk = reader.nextChunk(chunkRows);
      if (chunk.rowCount() == 0) {
        drain();
        exhausted = true;
      } else {
        accept(toFeaturesAndTargets.apply(chunk));
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public BatchSource.Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("ShuffledBatches: the pass is over");
    }
    return ready.poll();
  }

  private void accept(CsvBatchSource.FeaturesAndTargets rows) {
    float[] x = rows.x().toTensor().toFloatArray();
    float[] y = rows.y().toTensor().toFloatArray();
    if (xWidth < 0) {
      xWidth = rows.x().columnCount();
      yWidth = rows.y().columnCount();
      buffer = new float[bufferRows * (xWidth + yWidth)];
      batchX = new float[batchSize * xWidth];
      batchY = new float[batchSize * yWidth];
    }
    int width = xWidth + yWidth;
    for (int row = 0; row < rows.x().rowCount(); row++) {
      int slot;
      if (buffered < bufferRows) {
        slot = buffered++;
      } else {
        slot = random.nextInt(bufferRows);
        emit(slot);
      }
      System.arraycopy(x, row * xWidth, buffer, slot * width, xWidth);
      System.arraycopy(y, row * yWidth, buffer, slot * width + xWidth, yWidth);
    }
  }

  private void drain() {
    for (int remaining = buffered; remaining > 0; remaining--) {
      int slot = random.nextInt(remaining);
      emit(slot);
      int width = xWidth + yWidth;
      System.arraycopy(buffer, (remaining - 1) * width, buffer, slot * width, width);
    }
    buffered = 0;
    if (batchFill > 0) {
      finishBatch();
    }
  }

  private void emit(int slot) {
    int width = xWidth + yWidth;
    System.arraycopy(buffer, slot * width, batchX, batchFill * xWidth, xWidth);
    System.arraycopy(buffer, slot * width + xWidth, batchY, batchFill * yWidth, yWidth);
    if (++batchFill == batchSize) {
      finishBatch();
    }
  }

  private void finishBatch() {
    float[] x = Arrays.copyOf(batchX, batchFill * xWidth);
    float[] y = Arrays.copyOf(batchY, batchFill * yWidth);
    ready.add(
        new BatchSource.Batch(Tensor.of(x, batchFill, xWidth), Tensor.of(y, batchFill, yWidth)));
    batchFill = 0;
  }

  @Override
  public void close() {
    reader.close();
  }
}
