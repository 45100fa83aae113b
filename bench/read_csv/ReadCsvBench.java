import com.sun.management.OperatingSystemMXBean;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.Table;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times Table.readCsv on one file, several reads in one JVM; the first includes class loading
 * and JIT warm-up, the last half shows the steady state. CPU time is that of the whole process
 * (all threads, JIT and GC included), which a busy machine disturbs less than wall time. Prints one line per read and a summary line, in the format of read_csv.py.
 * Run by bench/read-csv.
 */
public final class ReadCsvBench {
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int repeats = Integer.parseInt(args[1]);
    CsvOptions options = CsvOptions.defaults().withMissingMarkers("NULL");
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] seconds = new double[repeats];
    double[] cpuSeconds = new double[repeats];
    Table table = null;
    for (int i = 0; i < repeats; i++) {
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      table = Table.readCsv(file, options);
      seconds[i] = (System.nanoTime() - start) / 1e9;
      cpuSeconds[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
      System.out.printf("lamina read %d: %.3f s wall, %.3f s cpu%n", i + 1, seconds[i],
          cpuSeconds[i]);
    }
    double[] lastHalfCpu = Arrays.copyOfRange(cpuSeconds, repeats / 2, repeats);
    Arrays.sort(lastHalfCpu);
    double[] later = Arrays.copyOfRange(seconds, 1, repeats);
    double[] lastHalf = Arrays.copyOfRange(seconds, repeats / 2, repeats);
    Arrays.sort(later);
    Arrays.sort(lastHalf);
    System.out.printf("lamina rows=%d columns=%d first=%.3f best=%.3f median_after_first=%.3f"
            + " median_last_half=%.3f cpu_median_last_half=%.3f%n", table.rowCount(),
        table.columnCount(), seconds[0], later[0], later[later.length / 2],
        lastHalf[lastHalf.length / 2], lastHalfCpu[lastHalfCpu.length / 2]);
  }
}
