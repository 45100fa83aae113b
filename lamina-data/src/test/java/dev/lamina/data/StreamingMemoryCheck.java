package dev.lamina.data;

import dev.lamina.BatchSource;

/**
 * Run in a JVM with a small heap by {@link StreamingMemoryTest}: streams a generated CSV many times
 * larger than that heap through {@link CsvBatchSource} and reports on standard output what it saw,
 * as {@code rows=… bytes=… idSum=… maxHeap=…}.
 */
final class StreamingMemoryCheck {
  private StreamingMemoryCheck() {}

  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    ColumnTransformer features =
        new ColumnTransformer()
            .add("num", new StandardScaler(), "id", "x")
            .add("cat", new OneHotEncoder(), "color")
            .fit(Table.readCsv(new GeneratedCsv(2_000)));
    GeneratedCsv[] opened = new GeneratedCsv[1];
    CsvBatchSource source =
        CsvBatchSource.of(() -> opened[0] = new GeneratedCsv(rows), "generated.csv", features, "y")
            .batchSize(256)
            .bufferRows(10_000)
            .chunkRows(4_096);
    long seen = 0;
    double targetSum = 0;
    try (BatchSource.Batches batches = source.open(0)) {
      while (batches.hasNext()) {
        BatchSource.Batch batch = batches.next();
        seen += batch.rows();
        for (float target : batch.y().toFloatArray()) {
          targetSum += target;
        }
      }
    }
    System.out.println(
        "rows="
            + seen
            + " bytes="
            + opened[0].bytesRead()
            + " targetSum="
            + (long) targetSum
            + " maxHeap="
            + Runtime.getRuntime().maxMemory());
  }
}
