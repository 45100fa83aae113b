package dev.lamina.data;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.layers.Dense;

/**
 * Run in a JVM with a small heap by {@link StreamingMemoryTest}: trains a one-layer model for one
 * epoch on a generated CSV many times larger than that heap, streamed by {@link CsvBatchSource},
 * and reports {@code loss=… bytes=… maxHeap=…} on standard output.
 */
final class StreamingTrainCheck {
  private StreamingTrainCheck() {}

  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    ColumnTransformer features =
        new ColumnTransformer()
            .add("num", new StandardScaler(), "x")
            .add("cat", new OneHotEncoder(), "color")
            .fit(Table.readCsv(new GeneratedCsv(2_000)));
    GeneratedCsv[] opened = new GeneratedCsv[1];
    CsvBatchSource source =
        CsvBatchSource.of(() -> opened[0] = new GeneratedCsv(rows), "generated.csv", features, "y")
            .batchSize(1024)
            .bufferRows(10_000);
    Sequential model = new Sequential(new Dense(1).inputShape(4)).seed(1);
    model.compile("sgd", "mse");
    // FitOptions' batch size equals the source's: core trains only then (reported in issue 5)
    History history = model.fit(source, new FitOptions().epochs(1).batchSize(1024).verbose(0));
    System.out.println(
        "loss="
            + history.get("loss")[0]
            + " bytes="
            + opened[0].bytesRead()
            + " maxHeap="
            + Runtime.getRuntime().maxMemory());
  }
}
