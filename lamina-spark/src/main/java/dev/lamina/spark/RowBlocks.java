package dev.lamina.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Turns a DataFrame's numeric columns into one cached {@link RowBlock} per partition: rows are
 * numbered in the DataFrame's order ({@code zipWithIndex}) and dealt round-robin, row {@code i} to
 * partition {@code i mod P}.
 */
final class RowBlocks {
  private RowBlocks() {}

  static JavaRDD<RowBlock> of(
      Dataset<Row> frame, List<String> features, String target, int partitions) {
    List<String> all = new ArrayList<>(features);
    all.add(target);
    Column[] columns =
        all.stream().map(c -> functions.col(c).cast("double").as(c)).toArray(Column[]::new);
    for (String name : all) {
      requireColumn(frame, name);
    }
    int width = features.size();
    JavaPairRDD<Long, Row> numbered =
        frame.select(columns).toJavaRDD().zipWithIndex().mapToPair(Tuple2::swap);
    JavaRDD<RowBlock> blocks =
        numbered
            .partitionBy(new RoundRobin(partitions))
            .mapPartitionsWithIndex(
                (p, rows) -> List.of(block(p, rows, all, width)).iterator(), true);
    return blocks.persist(StorageLevel.MEMORY_ONLY());
  }

  private static void requireColumn(Dataset<Row> frame, String name) {
    for (String existing : frame.columns()) {
      if (existing.equals(name)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "SparkTrainer: no column '"
            + name
            + "' in the DataFrame (columns: "
            + String.join(", ", frame.columns())
            + ")");
  }

  private static RowBlock block(
      int partition, Iterator<Tuple2<Long, Row>> rows, List<String> names, int width) {
    List<Tuple2<Long, Row>> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    // the shuffle delivers a partition's rows in any order; the row numbers restore it
    list.sort((a, b) -> Long.compare(a._1(), b._1()));
    int n = list.size();
    float[] x = new float[n * width];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      Row row = list.get(i)._2();
      for (int c = 0; c <= width; c++) {
        if (row.isNullAt(c) || !Double.isFinite(row.getDouble(c))) {
          throw new IllegalArgumentException(
              "SparkTrainer: column '"
                  + names.get(c)
                  + "' has "
                  + (row.isNullAt(c) ? "no value" : "the value " + row.getDouble(c))
                  + " in row "
                  + list.get(i)._1()
                  + "; training needs finite numbers");
        }
        float v = (float) row.getDouble(c);
        if (c < width) {
          x[i * width + c] = v;
        } else {
          y[i] = v;
        }
      }
    }
    return new RowBlock(partition, n, width, x, y);
  }

  /** Row number {@code i} goes to partition {@code i mod P}. */
  private static final class RoundRobin extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    RoundRobin(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (int) ((Long) key % partitions);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RoundRobin r && r.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }
}
