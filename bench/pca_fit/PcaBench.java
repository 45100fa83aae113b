import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.OneHotEncoder;
import dev.lamina.data.Pipeline;
import dev.lamina.data.SimpleImputer;
import dev.lamina.data.StandardScaler;
import dev.lamina.data.Table;
import dev.lamina.data.decomposition.PCA;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prepares hotel.csv as the course does (numeric columns imputed with 0 and standardized, text
 * columns imputed with "NA" and one-hot encoded; the target and the leaking reservation columns
 * left out), writes the matrix for pca.py (float64, column after column, after a header of rows
 * and columns as two int32), then times PCA(full).fit on it: the first fit (JIT warm-up
 * included) and the median of the later ones. Run by bench/pca.
 */
public final class PcaBench {
  private static final List<String> LEFT_OUT =
      List.of("is_canceled", "reservation_status", "reservation_status_date");

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Path matrixFile = Path.of(args[1]);
    int repeats = Integer.parseInt(args[2]);
    Table hotel = Table.readCsv(file, CsvOptions.defaults().withMissingMarkers("NULL"));
    List<String> numeric = new ArrayList<>();
    List<String> text = new ArrayList<>();
    for (String name : hotel.columnNames()) {
      if (!LEFT_OUT.contains(name)) {
        (hotel.column(name) instanceof NumericColumn ? numeric : text).add(name);
      }
    }
    Table matrix = new ColumnTransformer()
        .add("num", new Pipeline(SimpleImputer.constant(0), new StandardScaler()), numeric)
        .add("cat", new Pipeline(SimpleImputer.constant("NA"), new OneHotEncoder()), text)
        .fitTransform(hotel);
    write(matrix, matrixFile);
    double[] seconds = new double[repeats];
    PCA pca = null;
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      pca = new PCA().fit(matrix);
      seconds[i] = (System.nanoTime() - start) / 1e9;
      System.out.printf("lamina fit %d: %.3f s%n", i + 1, seconds[i]);
    }
    double[] later = Arrays.copyOfRange(seconds, Math.min(1, repeats - 1), repeats);
    Arrays.sort(later);
    double[] ratio = pca.explainedVarianceRatio();
    System.out.printf("lamina rows=%d columns=%d components=%d first=%.3f best=%.3f "
            + "median_after_first=%.3f ratio0=%.6f ratio1=%.6f%n", matrix.rowCount(),
        matrix.columnCount(), pca.nComponents(), seconds[0], later[0],
        later[later.length / 2], ratio[0], ratio[1]);
  }

  private static void write(Table matrix, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(matrix.rowCount()).putInt(matrix.columnCount());
      out.write(header.array());
      ByteBuffer column = ByteBuffer.allocate(matrix.rowCount() * 8)
          .order(ByteOrder.LITTLE_ENDIAN);
      for (String name : matrix.columnNames()) {
        column.clear();
        for (double value : matrix.numeric(name).toArray()) {
          column.putDouble(value);
        }
        out.write(column.array());
      }
    }
  }
}
