package dev.lamina.data.images;

import dev.lamina.BatchSource;
import dev.lamina.Tensor;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Images in one sub-folder per class, as Keras's {@code image_dataset_from_directory} reads them:
 * class names are the sub-folders sorted by name (label i is the i-th), PNG, JPEG, GIF and BMP
 * files are decoded with ImageIO and resized (bilinear) to the asked height and width, pixels are
 * float32 in 0–255, three channels for {@code rgb} (the default) or one for {@code grayscale}. A
 * validation split shuffles the file list once with its seed and keeps the last fraction for {@code
 * validation}, the rest for {@code training}. Batches are decoded as they are read, so a pass holds
 * one batch of images in memory at a time.
 *
 * <pre>{@code
 * ImageFolder train = ImageFolder.imageDatasetFromDirectory(dir, 64, 64)
 *     .validationSplit(0.2, 7).subset("training");
 * model.fit(train, new FitOptions().epochs(5));
 * }</pre>
 */
public final class ImageFolder implements BatchSource {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp");

  private final int height;
  private final int width;
  private final List<String> classNames;

  /** Every image file with its class, in Keras's order: classes by name, files by name. */
  private final List<Labeled> files;

  private int batchSize = 32;
  private boolean grayscale;
  private boolean shuffle = true;
  private boolean resize = true;
  private double validationSplit;
  private long splitSeed;
  private String subset;

  private record Labeled(Path file, int label) {}

  private ImageFolder(Path directory, int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: height and width must be positive, got "
              + height
              + "×"
              + width);
    }
    this.height = height;
    this.width = width;
    this.classNames = classFolders(directory);
    this.files = new ArrayList<>();
    for (int label = 0; label < classNames.size(); label++) {
      Path folder = directory.resolve(classNames.get(label));
      List<Path> images = imageFiles(folder);
      if (images.isEmpty()) {
        throw new ImageDataException(
            folder
                + ": class folder '"
                + classNames.get(label)
                + "' holds no images ("
                + String.join(", ", EXTENSIONS)
                + ")");
      }
      for (Path image : images) {
        files.add(new Labeled(image, label));
      }
    }
  }

  /** The images under {@code directory}, one sub-folder per class, resized to height×width. */
  public static ImageFolder imageDatasetFromDirectory(Path directory, int height, int width) {
    return new ImageFolder(directory, height, width);
  }

  /** Images per batch (Keras's default 32). */
  public ImageFolder batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "ImageFolder: batchSize must be positive, got " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** {@code rgb} (three channels, the default) or {@code grayscale} (one). */
  public ImageFolder colorMode(String mode) {
    String name = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
    if (!name.equals("rgb") && !name.equals("grayscale")) {
      throw new IllegalArgumentException(
          "ImageFolder: colorMode must be 'rgb' or 'grayscale', got '" + mode + "'");
    }
    this.grayscale = name.equals("grayscale");
    return this;
  }

  /** Whether each pass visits the images in an order drawn from its seed (default true). */
  public ImageFolder shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /**
   * Whether images of another size are resized (the default); when false, such an image is an error
   * naming it and both sizes.
   */
  public ImageFolder resize(boolean resize) {
    this.resize = resize;
    return this;
  }

  /** Holds out {@code fraction} of the images, chosen by shuffling the file list with the seed. */
  public ImageFolder validationSplit(double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "ImageFolder: validationSplit must be in (0, 1), got " + fraction);
    }
    this.validationSplit = fraction;
    this.splitSeed = seed;
    return this;
  }

  /** {@code training} or {@code validation}: which side of the validation split to read. */
  public ImageFolder subset(String subset) {
    if (!"training".equals(subset) && !"validation".equals(subset)) {
      throw new IllegalArgumentException(
          "ImageFolder: subset must be 'training' or 'validation', got '" + subset + "'");
    }
    this.subset = subset;
    return this;
  }

  /** The class names, sorted; label i is {@code classNames().get(i)}. */
  public List<String> classNames() {
    return classNames;
  }

  /** The number of images this source reads per pass. */
  public int size() {
    return selected().size();
  }

  @Override
  public OptionalLong rowCount() {
    return OptionalLong.of(size());
  }

  /** Every selected image at once, in file order (classes by name, files by name). */
  public LabeledImages load() {
    List<Labeled> all = selected();
    return decode(all, 0, all.size());
  }

  @Override
  public Batches open(long seed) {
    List<Labeled> order = new ArrayList<>(selected());
    if (shuffle) {
      Collections.shuffle(order, new Random(seed));
    }
    return new Batches() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < order.size();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("ImageFolder: the pass is over");
        }
        int end = Math.min(next + batchSize, order.size());
        LabeledImages images = decode(order, next, end);
        next = end;
        return new Batch(images.images(), images.labels());
      }

      @Override
      public void close() {
        next = order.size();
      }
    };
  }

  private List<Labeled> selected() {
    if (validationSplit == 0 && subset == null) {
      return files;
    }
    if (validationSplit == 0 || subset == null) {
      throw new IllegalStateException(
          "ImageFolder: validationSplit and subset go together; got split "
              + validationSplit
              + " and subset "
              + subset);
    }
    List<Labeled> shuffled = new ArrayList<>(files);
    Collections.shuffle(shuffled, new Random(splitSeed));
    int validation = (int) (validationSplit * shuffled.size());
    int cut = shuffled.size() - validation;
    return subset.equals("training")
        ? shuffled.subList(0, cut)
        : shuffled.subList(cut, shuffled.size());
  }

  private LabeledImages decode(List<Labeled> list, int from, int to) {
    int channels = grayscale ? 1 : 3;
    int n = to - from;
    float[] pixels = new float[Math.multiplyExact(n, height * width * channels)];
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      Labeled item = list.get(from + i);
      BufferedImage image = sized(read(item.file()), item.file());
      int at = i * height * width * channels;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int rgb = image.getRGB(x, y);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          if (grayscale) {
            // ITU-R 601 luma, as tf.image.rgb_to_grayscale
            pixels[at++] = (float) (0.2989 * r + 0.5870 * g + 0.1140 * b);
          } else {
            pixels[at++] = r;
            pixels[at++] = g;
            pixels[at++] = b;
          }
        }
      }
      labels[i] = item.label();
    }
    return new LabeledImages(
        Tensor.of(pixels, n, height, width, channels), Tensor.of(labels, n, 1), classNames);
  }

  private BufferedImage sized(BufferedImage image, Path file) {
    if (image.getHeight() == height && image.getWidth() == width) {
      return image;
    }
    if (!resize) {
      throw new ImageDataException(
          file
              + ": image is "
              + image.getHeight()
              + "×"
              + image.getWidth()
              + " (height×width), expected "
              + height
              + "×"
              + width
              + " (resizing is off)");
    }
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }

  private static BufferedImage read(Path file) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ImageDataException(
          file + ": cannot decode image (corrupt or truncated?): " + e.getMessage(), e);
    }
    if (image == null) {
      throw new ImageDataException(file + ": not an image ImageIO can read (PNG, JPEG, GIF, BMP)");
    }
    return image;
  }

  private static List<String> classFolders(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new ImageDataException(
          directory + ": not a directory (expected one sub-folder per " + "class)");
    }
    try (Stream<Path> entries = Files.list(directory)) {
      List<String> names =
          entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      if (names.isEmpty()) {
        throw new ImageDataException(directory + ": no class sub-folders");
      }
      return names;
    } catch (IOException e) {
      throw new ImageDataException(directory + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static List<Path> imageFiles(Path folder) {
    try (Stream<Path> entries = Files.walk(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(
              p ->
                  EXTENSIONS.stream()
                      .anyMatch(
                          e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ImageDataException(folder + ": cannot list: " + e.getMessage(), e);
    }
  }
}
