package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.BatchSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBatchSourceTest {
  private static final int ROWS = 5_000;

  /** Features: the id passed through unscaled (to track rows), x standardized, color one-hot. */
  private static ColumnTransformer features() {
    Table sample = Table.readCsv(new GeneratedCsv(3_000));
    return new ColumnTransformer()
        .add("id", SimpleImputer.constant(0), "id")
        .add("num", new StandardScaler(), "x")
        .add("cat", new OneHotEncoder(), "color")
        .fit(sample);
  }

  private static CsvBatchSource source() {
    return CsvBatchSource.of(() -> new GeneratedCsv(ROWS), "generated.csv", features(), "y")
        .batchSize(64)
        .bufferRows(500)
        .chunkRows(300);
  }

  @Test
  void everyRowComesOnceInBatchesOfTheRequestedSize() {
    List<BatchSource.Batch> batches = pass(source(), 7);
    float[] ids = ids(batches);
    assertEquals(ROWS, ids.length);
    float[] sorted = ids.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < ROWS; i++) {
      assertEquals(i, sorted[i], "row " + i + " exactly once");
    }
    for (int b = 0; b < batches.size() - 1; b++) {
      assertEquals(64, batches.get(b).rows());
    }
    assertEquals(ROWS % 64, batches.get(batches.size() - 1).rows());
    BatchSource.Batch first = batches.get(0);
    assertArrayEquals(new int[] {64, 5}, first.x().shape());
    assertArrayEquals(new int[] {64, 1}, first.y().shape());
    for (int row = 0; row < 64; row++) {
      float id = first.x().get(row, 0);
      assertEquals(id % 2, first.y().get(row, 0), "target travels with its row");
      assertEquals(1.0f, first.x().get(row, 2) + first.x().get(row, 3) + first.x().get(row, 4));
    }
  }

  @Test
  void theSeedFixesTheOrderAndRowsAreShuffled() {
    float[] once = ids(pass(source(), 1));
    assertArrayEquals(once, ids(pass(source(), 1)));
    assertFalse(Arrays.equals(once, ids(pass(source(), 2))));
    int inPlace = 0;
    for (int i = 0; i < once.length; i++) {
      inPlace += once[i] == i ? 1 : 0;
    }
    assertTrue(inPlace < ROWS / 20, inPlace + " rows kept their position");
  }

  @Test
  void aMissingTargetColumnNamesTheFileAndCloseMatches() {
    CsvBatchSource source =
        CsvBatchSource.of(() -> new GeneratedCsv(10), "generated.csv", features(), "yy");
    CsvFormatException error = assertThrows(CsvFormatException.class, () -> source.open(0));
    assertTrue(error.getMessage().startsWith("generated.csv, line 1"), error.getMessage());
    assertTrue(error.getMessage().contains("'yy'"), error.getMessage());
  }

  @Test
  void aBadRowLaterInTheFileIsReportedWithItsLine() {
    String csv = "id,x,color,y\n0,1,red,0\n1,2,blue,1\n2,three,red,0\n";
    CsvBatchSource source =
        CsvBatchSource.of(
                () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "bad.csv",
                features(),
                "y")
            .chunkRows(2);
    try (BatchSource.Batches batches = source.open(0)) {
      CsvFormatException error =
          assertThrows(
              CsvFormatException.class,
              () -> {
                while (batches.hasNext()) {
                  batches.next();
                }
              });
      assertEquals(4, error.line());
      assertEquals(2, error.column());
    }
  }

  private static List<BatchSource.Batch> pass(CsvBatchSource source, long seed) {
    List<BatchSource.Batch> batches = new ArrayList<>();
    try (BatchSource.Batches pass = source.open(seed)) {
      pass.forEachRemaining(batches::add);
    }
    return batches;
  }

  private static float[] ids(List<BatchSource.Batch> batches) {
    int total = batches.stream().mapToInt(BatchSource.Batch::rows).sum();
    float[] ids = new float[total];
    int next = 0;
    for (BatchSource.Batch batch : batches) {
      for (int row = 0; row < batch.rows(); row++) {
        ids[next++] = batch.x().get(row, 0);
      }
    }
    return ids;
  }
}
