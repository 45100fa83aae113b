package dev.lamina.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.BatchSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras's image_dataset_from_directory rules, on folders of PNG and JPEG files made here. */
class ImageFolderTest {
  @TempDir Path dir;

  /** Writes a solid image of one colour. */
  private static void image(Path file, int height, int width, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    Files.createDirectories(file.getParent());
    String name = file.getFileName().toString();
    ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
  }

  private void threeClasses() throws IOException {
    // created out of order: classes are sorted by folder name all the same
    for (int i = 0; i < 4; i++) {
      image(dir.resolve("zebra/z" + i + ".png"), 10, 6, new Color(200, 100, 50));
      image(dir.resolve("cat/c" + i + ".jpg"), 4, 4, Color.WHITE);
      image(dir.resolve("dog/d" + i + ".png"), 8, 8, new Color(0, 0, 255));
    }
  }

  @Test
  void labelsFollowSortedFolderNamesAndImagesAreResized() throws IOException {
    threeClasses();
    ImageFolder folder = ImageFolder.imageDatasetFromDirectory(dir, 5, 7);
    assertEquals(List.of("cat", "dog", "zebra"), folder.classNames());
    LabeledImages all = folder.load();
    assertArrayEquals(new int[] {12, 5, 7, 3}, all.images().shape());
    assertArrayEquals(
        new float[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, all.labels().toFloatArray());
    // a solid colour stays that colour through bilinear resizing (PNG is lossless)
    assertEquals(200, all.images().get(8, 2, 3, 0), 1e-3);
    assertEquals(100, all.images().get(8, 2, 3, 1), 1e-3);
    assertEquals(255, all.images().get(4, 0, 0, 2), 1e-3);
    LabeledImages grey =
        ImageFolder.imageDatasetFromDirectory(dir, 5, 7).colorMode("grayscale").load();
    assertArrayEquals(new int[] {12, 5, 7, 1}, grey.images().shape());
    assertEquals(0.1140 * 255, grey.images().get(4, 1, 1, 0), 1e-3);
  }

  @Test
  void theValidationSplitIsDisjointAndRepeatsWithItsSeed() throws IOException {
    threeClasses();
    ImageFolder training =
        ImageFolder.imageDatasetFromDirectory(dir, 4, 4)
            .validationSplit(0.25, 3)
            .subset("training");
    ImageFolder validation =
        ImageFolder.imageDatasetFromDirectory(dir, 4, 4)
            .validationSplit(0.25, 3)
            .subset("validation");
    assertEquals(9, training.size());
    assertEquals(3, validation.size());
    Set<String> seen = new HashSet<>();
    for (ImageFolder side : List.of(training, validation)) {
      LabeledImages images = side.load();
      float[] labels = images.labels().toFloatArray();
      for (int i = 0; i < labels.length; i++) {
        seen.add(
            labels[i]
                + ":"
                + images.images().slice(0, i, i + 1).toString()
                + ":"
                + i
                + side.size());
      }
    }
    assertEquals(12, seen.size());
    assertArrayEquals(
        validation.load().labels().toFloatArray(),
        ImageFolder.imageDatasetFromDirectory(dir, 4, 4)
            .validationSplit(0.25, 3)
            .subset("validation")
            .load()
            .labels()
            .toFloatArray());
  }

  @Test
  void batchesStreamEveryImageOncePerPass() throws IOException {
    threeClasses();
    ImageFolder folder = ImageFolder.imageDatasetFromDirectory(dir, 4, 4).batchSize(5);
    List<Integer> sizes = new ArrayList<>();
    float labelSum = 0;
    try (BatchSource.Batches pass = folder.open(1)) {
      while (pass.hasNext()) {
        BatchSource.Batch batch = pass.next();
        sizes.add(batch.rows());
        labelSum += (float) batch.y().sum().item();
      }
    }
    assertEquals(List.of(5, 5, 2), sizes);
    assertEquals(12, labelSum);
  }

  @Test
  void anEmptyClassFolderIsNamed() throws IOException {
    threeClasses();
    Files.createDirectories(dir.resolve("empty"));
    ImageDataException e =
        assertThrows(
            ImageDataException.class, () -> ImageFolder.imageDatasetFromDirectory(dir, 4, 4));
    assertTrue(
        e.getMessage()
            .contains(dir.resolve("empty") + ": class folder 'empty' holds no " + "images"),
        e.getMessage());
  }

  @Test
  void aCorruptPngIsNamed() throws IOException {
    threeClasses();
    Path broken = dir.resolve("dog/broken.png");
    byte[] png = Files.readAllBytes(dir.resolve("dog/d0.png"));
    Files.write(broken, java.util.Arrays.copyOf(png, 40));
    ImageFolder folder = ImageFolder.imageDatasetFromDirectory(dir, 4, 4);
    ImageDataException e = assertThrows(ImageDataException.class, folder::load);
    assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
  }

  @Test
  void anImageOfTheWrongSizeIsNamedWhenResizingIsOff() throws IOException {
    threeClasses();
    ImageFolder folder = ImageFolder.imageDatasetFromDirectory(dir, 4, 4).resize(false);
    ImageDataException e = assertThrows(ImageDataException.class, folder::load);
    assertEquals(
        dir.resolve("dog/d0.png")
            + ": image is 8×8 (height×width), expected 4×4 "
            + "(resizing is off)",
        e.getMessage());
  }
}
