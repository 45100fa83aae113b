import dev.lamina.Tensor;
import dev.lamina.data.Column;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.ColumnType;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.OneHotEncoder;
import dev.lamina.data.Pipeline;
import dev.lamina.data.SimpleImputer;
import dev.lamina.data.StandardScaler;
import dev.lamina.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times turning a table into a network's inputs: fitting and applying the course's mixed-table
 * preprocessing (numbers imputed with 0 and standardized, text imputed with "NA" and one-hot
 * encoded ignoring unknowns) and Table.toTensor, several rounds in one JVM; the first is what a
 * command-line run pays. The file is read once, and garbage is collected between rounds, outside
 * the timings. Prints one line per round and a summary line in the format of prepare_table.py. Run
 * by bench/prepare.
 */
public final class PrepareBench {
  public static void main(String[] args) {
    Table table = Table.readCsv(Path.of(args[0]), CsvOptions.defaults().withMissingMarkers("NULL"));
    int rounds = Integer.parseInt(args[1]);
    List<String> drop = List.of(args[2].split(","));
    table = table.drop(drop.toArray(String[]::new));
    List<String> numeric = new ArrayList<>();
    List<String> text = new ArrayList<>();
    for (Column column : table.columns()) {
      (column.type() == ColumnType.NUMERIC ? numeric : text).add(column.name());
    }
    double[] fit = new double[rounds];
    double[] transform = new double[rounds];
    double[] tensor = new double[rounds];
    int[] shape = null;
    for (int i = 0; i < rounds; i++) {
      System.gc(); // the last round's garbage is collected outside the timings
      long start = System.nanoTime();
      ColumnTransformer preprocessing =
          new ColumnTransformer()
              .add("num", new Pipeline(SimpleImputer.constant(0), new StandardScaler()),
                  numeric.toArray(String[]::new))
              .add("cat", new Pipeline(SimpleImputer.constant("NA"),
                      new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE)),
                  text.toArray(String[]::new))
              .fit(table);
      long fitted = System.nanoTime();
      Table inputs = preprocessing.transform(table);
      long transformed = System.nanoTime();
      Tensor x = inputs.toTensor();
      long done = System.nanoTime();
      shape = x.shape();
      fit[i] = (fitted - start) / 1e9;
      transform[i] = (transformed - fitted) / 1e9;
      tensor[i] = (done - transformed) / 1e9;
      System.out.printf("lamina round %d: fit %.3f s, transform %.3f s, tensor %.3f s%n", i + 1,
          fit[i], transform[i], tensor[i]);
    }
    System.out.printf("lamina rows=%d inputs=%d first: fit=%.3f transform=%.3f tensor=%.3f"
            + " median_after_first: fit=%.3f transform=%.3f tensor=%.3f%n", shape[0], shape[1],
        fit[0], transform[0], tensor[0], medianAfterFirst(fit), medianAfterFirst(transform),
        medianAfterFirst(tensor));
  }

  private static double medianAfterFirst(double[] seconds) {
    double[] later = Arrays.copyOfRange(seconds, Math.min(1, seconds.length - 1), seconds.length);
    Arrays.sort(later);
    return later[later.length / 2];
  }
}
