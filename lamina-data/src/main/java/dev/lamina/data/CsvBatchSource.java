package dev.lamina.data;

import dev.lamina.BatchSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Training batches streamed from a CSV file too large for memory. Each pass reads the file in
 * chunks, applies a fitted feature transformer (typically a {@link ColumnTransformer}) and an
 * optional target transformer, shuffles rows within a bounded buffer and yields batches. Memory
 * holds one chunk and the buffer, never the file.
 *
 * <p>Shuffling within a buffer of {@code bufferRows} rows (as tf.data's shuffle does) mixes rows
 * that are at most about that far apart in the file; pre-shuffle a sorted file once on disk if that
 * matters. The order is fixed by the seed passed to {@link #open(long)}.
 */
public final class CsvBatchSource implements BatchSource {
  private final Supplier<InputStream> input;
  private final String sourceName;
  private final Transformer features;
  private final List<String> targets;
  private final Transformer targetTransformer;
  private final CsvOptions csvOptions;
  private final int batchSize;
  private final int bufferRows;
  private final int chunkRows;

  private CsvBatchSource(
      Supplier<InputStream> input,
      String sourceName,
      Transformer features,
      List<String> targets,
      Transformer targetTransformer,
      CsvOptions csvOptions,
      int batchSize,
      int bufferRows,
      int chunkRows) {
    this.input = input;
    this.sourceName = sourceName;
    this.features = features;
    this.targets = List.copyOf(targets);
    this.targetTransformer = targetTransformer;
    this.csvOptions = csvOptions;
    this.batchSize = positive("batchSize", batchSize);
    this.bufferRows = positive("bufferRows", bufferRows);
    this.chunkRows = positive("chunkRows", chunkRows);
    if (!features.isFitted()) {
      throw new IllegalArgumentException(
          "CsvBatchSource: fit the feature transformer on training rows first");
    }
    if (this.targets.isEmpty()) {
      throw new IllegalArgumentException("CsvBatchSource: name at least one target column");
    }
  }

  /**
   * Batches from {@code file} (plain or gzip-compressed CSV): features from the fitted {@code
   * features} transformer, targets from the named numeric columns. Defaults: batch 32, shuffle
   * buffer 10,000 rows, chunks of 4,096 rows, default CSV options.
   */
  public static CsvBatchSource of(Path file, Transformer features, String... targets) {
    Supplier<InputStream> opener =
        () -> {
          try {
            return Files.newInputStream(file);
          } catch (IOException e) {
            throw new UncheckedIOException("CsvBatchSource: cannot open " + file, e);
          }
        };
    return of(opener, file.getFileName().toString(), features, targets);
  }

  /** Batches from a stream opened afresh for every pass; {@code sourceName} names it in errors. */
  public static CsvBatchSource of(
      Supplier<InputStream> input, String sourceName, Transformer features, String... targets) {
    return new CsvBatchSource(
        input,
        sourceName,
        features,
        List.of(targets),
        null,
        CsvOptions.defaults(),
        32,
        10_000,
        4_096);
  }

  public CsvBatchSource batchSize(int rows) {
    return new CsvBatchSource(
        input,
        sourceName,
        features,
        targets,
        targetTransformer,
        csvOptions,
        rows,
        bufferRows,
        chunkRows);
  }

  /** The number of rows the shuffle buffer holds: more mixes better and costs memory. */
  public CsvBatchSource bufferRows(int rows) {
    return new CsvBatchSource(
        input,
        sourceName,
        features,
        targets,
        targetTransformer,
        csvOptions,
        batchSize,
        rows,
        chunkRows);
  }

  /** The number of CSV rows read and transformed at a time. */
  public CsvBatchSource chunkRows(int rows) {
    return new CsvBatchSource(
        input,
        sourceName,
        features,
        targets,
        targetTransformer,
        csvOptions,
        batchSize,
        bufferRows,
        rows);
  }

  public CsvBatchSource csvOptions(CsvOptions options) {
    return new CsvBatchSource(
        input,
        sourceName,
        features,
        targets,
        targetTransformer,
        options,
        batchSize,
        bufferRows,
        chunkRows);
  }

  /** A fitted transformer for the target columns, e.g. a LabelEncoder or a MinMaxScaler. */
  public CsvBatchSource targetTransformer(Transformer fitted) {
    return new CsvBatchSource(
        input, sourceName, features, targets, fitted, csvOptions, batchSize, bufferRows, chunkRows);
  }

  @Override
  public Batches open(long seed) {
    CsvChunkReader reader = new CsvChunkReader(input.get(), sourceName, csvOptions);
    try {
      for (String target : targets) {
        if (!reader.columnNames().contains(target)) {
          List<String> close = UnknownColumnException.closeMatches(target, reader.columnNames());
          throw new CsvFormatException(
              sourceName,
              1,
              0,
              "the header has no target column '"
                  + target
                  + "'"
                  + (close.isEmpty() ? "" : "; close matches: " + close));
        }
      }
      return new ShuffledBatches(
          reader, this::featuresAndTargets, chunkRows, batchSize, bufferRows, seed);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Features and targets of a chunk as two tables of numbers, ready for the buffer. */
  private FeaturesAndTargets featuresAndTargets(Table chunk) {
    Table x = features.transform(chunk);
    Table y = chunk.select(targets);
    return new FeaturesAndTargets(
        x, targetTransformer == null ? y : targetTransformer.transform(y));
  }

  /** The transformed columns of one chunk: model inputs and targets, row by row alike. */
  record FeaturesAndTargets(Table x, Table y) {}

  /** Unknown: counting rows would mean reading the whole file. */
  @Override
  public OptionalLong rowCount() {
    return OptionalLong.empty();
  }

  private static int positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "CsvBatchSource: " + option + " must be at least 1, got " + value);
    }
    return value;
  }
}
