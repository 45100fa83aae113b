package dev.lamina.spark;

import dev.lamina.cli.Lamina;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code lamina} command on Spark (the main class of the {@code -all} jar, for {@code
 * spark-submit}): {@code train} takes every option of {@code lamina train} and writes the same run
 * folder, with the network trained by {@link SparkTrainer}; {@code predict} scores a CSV with Spark
 * and writes a folder of CSV parts. Spark's own options come first or anywhere: {@code --spark
 * MASTER} (default: spark-submit's), {@code --partitions N}, {@code --local-steps K} (parameter
 * averaging every K steps; default: gradient averaging).
 */
public final class LaminaSpark {
  private LaminaSpark() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    List<String> rest = new ArrayList<>(List.of(args));
    String master = take(rest, "--spark");
    String partitions = take(rest, "--partitions");
    String localSteps = take(rest, "--local-steps");
    SparkSession.Builder builder = SparkSession.builder().appName("lamina");
    if (master != null) {
      builder.master(master);
    }
    SparkSession spark = builder.getOrCreate();
    try {
      SparkTrainer trainer = new SparkTrainer(spark);
      if (partitions != null) {
        trainer.partitions(positive("--partitions", partitions));
      }
      if (localSteps != null) {
        trainer.parameterAveraging(positive("--local-steps", localSteps));
      }
      if (!rest.isEmpty() && rest.get(0).equals("predict")) {
        return predict(spark, rest);
      }
      return Lamina.run(new SparkTrainingData(spark, trainer), rest.toArray(String[]::new));
    } finally {
      spark.stop();
    }
  }

  /**
   * {@code predict --model FILE --data CSV|PARQUET|TABLE --out DIR}: a folder of CSV parts with a
   * header.
   */
  private static int predict(SparkSession spark, List<String> args) {
    String model = take(args, "--model");
    String data = take(args, "--data");
    String out = take(args, "--out");
    if (model == null || data == null || out == null || args.size() != 1) {
      System.err.println(
          "usage: predict --model FILE.lamina --data FILE.csv|PARQUET|TABLE --out DIR"
              + (args.size() > 1 ? " (unknown: " + args.subList(1, args.size()) + ")" : ""));
      return 2;
    }
    Dataset<Row> frame =
        Files.isRegularFile(Path.of(data)) && !data.endsWith(".parquet")
            ? spark.read().option("header", "true").csv(data)
            : Files.isDirectory(Path.of(data)) || data.endsWith(".parquet")
                ? spark.read().parquet(data)
                : spark.table(data);
    Dataset<Row> scored = CliModelScoring.score(spark, Path.of(model), frame);
    String[] outputs =
        List.of(scored.columns())
            .subList(frame.columns().length, scored.columns().length)
            .toArray(String[]::new);
    scored
        .select(outputs[0], java.util.Arrays.copyOfRange(outputs, 1, outputs.length))
        .write()
        .option("header", "true")
        .csv(out);
    System.out.println("Wrote " + scored.count() + " predictions to " + out);
    return 0;
  }

  /** Removes {@code option VALUE} from the arguments and returns the value, or null. */
  private static String take(List<String> args, String option) {
    int at = args.indexOf(option);
    if (at < 0) {
      return null;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be an integer >= 1, got '" + value + "'");
  }
}
