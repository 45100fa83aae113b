package dev.lamina.spark;

import dev.lamina.Sequential;
import dev.lamina.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A partition's rows scored in batches: each batch of rows becomes one input tensor, one predict
 * call, and the rows again with their outputs appended.
 */
final class BatchScorer implements Iterator<Row> {
  /** The batch {@code lamina predict} uses, so that scores match it bit for bit. */
  static final int BATCH = 256;

  /** What a batch of rows turns into: the network's outputs and the values appended per row. */
  interface Outputs {
    Tensor inputs(List<Row> rows);

    Object[] appended(float[] outputs, int row, int width);
  }

  private final Iterator<Row> rows;
  private final Sequential network;
  private final Outputs outputs;
  private final List<Row> scored = new ArrayList<>();
  private int next;

  BatchScorer(Iterator<Row> rows, Sequential network, Outputs outputs) {
    this.rows = rows;
    this.network = network;
    this.outputs = outputs;
  }

  @Override
  public boolean hasNext() {
    if (next < scored.size()) {
      return true;
    }
    scored.clear();
    next = 0;
    List<Row> batch = new ArrayList<>(BATCH);
    while (batch.size() < BATCH && rows.hasNext()) {
      batch.add(rows.next());
    }
    if (batch.isEmpty()) {
      return false;
    }
    Tensor out = network.predict(outputs.inputs(batch), BATCH);
    int width = out.shape()[1];
    float[] values = out.toFloatArray();
    for (int i = 0; i < batch.size(); i++) {
      Row row = batch.get(i);
      Object[] extra = outputs.appended(values, i, width);
      Object[] cells = new Object[row.length() + extra.length];
      for (int c = 0; c < row.length(); c++) {
        cells[c] = row.get(c);
      }
      System.arraycopy(extra, 0, cells, row.length(), extra.length);
      scored.add(RowFactory.create(cells));
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return scored.get(next++);
  }
}
