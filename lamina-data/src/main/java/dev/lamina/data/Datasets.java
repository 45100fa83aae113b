package dev.lamina.data;

import dev.lamina.data.images.FashionMnist;
import dev.lamina.data.images.LabeledImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's datasets, bundled with this module (sources and licences in {@code
 * dev/lamina/data/datasets/ATTRIBUTION.md}). Each call reads the file afresh.
 */
public final class Datasets {
  private static final String FOLDER = "datasets/";

  private Datasets() {}

  /** Wine Quality, red: 1,599 rows, 11 physico-chemical features and {@code quality}. */
  public static Table redWine() {
    return load("red-wine.csv", CsvOptions.defaults());
  }

  /** Concrete Compressive Strength: 1,030 rows, 8 inputs and {@code CompressiveStrength}. */
  public static Table concrete() {
    return load("concrete.csv", CsvOptions.defaults());
  }

  /** Ionosphere: 351 rows, {@code V1}…{@code V34} and {@code Class} (good or bad). */
  public static Table ionosphere() {
    return load("ion.csv", CsvOptions.defaults());
  }

  /**
   * Hotel booking demand: 119,390 rows, 32 columns, target {@code is_canceled}. {@code NULL} (used
   * by {@code agent} and {@code company}) is read as missing, as are {@code NA} and empty cells.
   */
  public static Table hotel() {
    return load("hotel.csv.gz", CsvOptions.defaults().withMissingMarkers("NULL"));
  }

  /** 80 Cereals: 77 rows of nutrition facts; {@code -1} is read as missing. */
  public static Table cereal() {
    return load("cereal.csv", CsvOptions.defaults().withMissingMarkers("-1"));
  }

  /**
   * Fashion-MNIST as Keras's {@code fashion_mnist.load_data()} gives it, from the files of the
   * Debian package {@code dataset-fashion-mnist} in /usr/share/datasets/fashion-mnist: 60,000
   * training and 10,000 test images, float32 {@code (n, 28, 28, 1)} with the raw pixel values 0–255
   * (divide by 255 to scale), labels {@code (n, 1)} holding class indices 0–9.
   *
   * @return the training images, then the test images
   * @throws ImageDataException naming the package to install when the files are absent
   */
  public static List<LabeledImages> fashionMnist() {
    return fashionMnist(FashionMnist.DEBIAN_FOLDER);
  }

  /** Fashion-MNIST from the four IDX files (gzip-compressed or not) in {@code folder}. */
  public static List<LabeledImages> fashionMnist(Path folder) {
    return List.of(FashionMnist.load(folder));
  }

  private static Table load(String file, CsvOptions options) {
    try (InputStream input = Datasets.class.getResourceAsStream(FOLDER + file)) {
      if (input == null) {
        throw new IllegalStateException(
            "Datasets: the resource " + file + " is missing from " + "the lamina-data jar");
      }
      return Table.readCsv(input, file, options);
    } catch (IOException e) {
      throw new UncheckedIOException("Datasets: cannot read " + file, e);
    }
  }
}
