package dev.lamina.data.images;

import dev.lamina.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fashion-MNIST from the IDX files Debian's {@code dataset-fashion-mnist} package installs: 60,000
 * training and 10,000 test images of 28×28 grey pixels in ten classes of clothing.
 */
public final class FashionMnist {
  public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
  static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private FashionMnist() {}

  public static LabeledImages[] load(Path folder) {
    return new LabeledImages[] {
      read(folder, "train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
      read(folder, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
    };
  }

  private static LabeledImages read(Path folder, String imagesName, String labelsName) {
    Path imagesFile = locate(folder, imagesName);
    Path labelsFile = locate(folder, labelsName);
    IdxFiles.Idx images = IdxFiles.read(imagesFile, 3);
    IdxFiles.Idx labels = IdxFiles.read(labelsFile, 1);
    int n = images.shape()[0];
    if (labels.shape()[0] != n) {
      throw new ImageDataException(
          imagesFile
              + " holds "
              + n
              + " images but "
              + labelsFile
              + " holds "
              + labels.shape()[0]
              + " labels");
    }
    float[] pixels = new float[images.values().length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = images.values()[i] & 0xff;
    }
    float[] classes = new float[n];
    for (int i = 0; i < n; i++) {
      int label = labels.values()[i] & 0xff;
      if (label >= CLASS_NAMES.size()) {
        throw new ImageDataException(
            labelsFile + ": label " + label + " of image " + i + " is not a class index 0–9");
      }
      classes[i] = label;
    }
    int[] shape = {n, images.shape()[1], images.shape()[2], 1};
    return new LabeledImages(Tensor.of(pixels, shape), Tensor.of(classes, n, 1), CLASS_NAMES);
  }

  /** The file, compressed ({@code .gz}, as Debian ships it) or not. */
  private static Path locate(Path folder, String name) {
    for (String candidate : new String[] {name + ".gz", name}) {
      Path file = folder.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new ImageDataException(
        "Fashion-MNIST: "
            + folder.resolve(name + ".gz")
            + " not found; install the Debian package dataset-fashion-mnist (apt-get install "
            + "dataset-fashion-mnist), or pass the folder holding the four IDX files to "
            + "Datasets.fashionMnist(Path); files there: "
            + listing(folder));
  }

  private static String listing(Path folder) {
    try (var files = Files.list(folder)) {
      return Arrays.toString(files.map(p -> p.getFileName().toString()).sorted().toArray());
    } catch (java.io.IOException e) {
      return "(the folder cannot be listed: " + e.getMessage() + ")";
    }
  }
}
