package dev.lamina.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST from Debian's dataset-fashion-mnist package (.ci/run installs it), and the IDX
 * reader's checks on small files written here.
 */
class FashionMnistTest {
  @TempDir Path dir;

  @Test
  void readsTheDebianPackage() {
    List<LabeledImages> data = Datasets.fashionMnist();
    LabeledImages train = data.get(0);
    LabeledImages test = data.get(1);
    assertArrayEquals(new int[] {60_000, 28, 28, 1}, train.images().shape());
    assertArrayEquals(new int[] {10_000, 1}, test.labels().shape());
    assertEquals("Ankle boot", train.classNames().get(9));
    // the classes are balanced: 6,000 training and 1,000 test images each
    float[] labels = train.labels().toFloatArray();
    int[] counts = new int[10];
    for (float label : labels) {
      counts[(int) label]++;
    }
    for (int count : counts) {
      assertEquals(6_000, count);
    }
    assertEquals(255, train.images().max().item());
    assertEquals(0, train.images().min().item());
    // the first training image is an ankle boot (label 9), as in Keras
    assertEquals(9, labels[0]);
  }

  @Test
  void readsGzippedAndPlainIdxFiles() throws IOException {
    write(
        dir.resolve("train-images-idx3-ubyte.gz"),
        true,
        0x803,
        new int[] {2, 2, 3},
        new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
    write(dir.resolve("train-labels-idx1-ubyte"), false, 0x801, new int[] {2}, new byte[] {3, 9});
    write(
        dir.resolve("t10k-images-idx3-ubyte"),
        false,
        0x803,
        new int[] {1, 2, 3},
        new byte[] {1, 1, 1, 1, 1, 1});
    write(dir.resolve("t10k-labels-idx1-ubyte.gz"), true, 0x801, new int[] {1}, new byte[] {0});
    List<LabeledImages> data = Datasets.fashionMnist(dir);
    assertArrayEquals(new int[] {2, 2, 3, 1}, data.get(0).images().shape());
    assertEquals(255, data.get(0).images().get(1, 1, 2, 0));
    assertArrayEquals(new float[] {3, 9}, data.get(0).labels().toFloatArray());
    assertEquals(1, data.get(1).size());
  }

  @Test
  void aMissingFolderNamesThePackage() {
    ImageDataException e = assertThrows(ImageDataException.class, () -> Datasets.fashionMnist(dir));
    assertTrue(
        e.getMessage().contains("install the Debian package dataset-fashion-mnist"),
        e.getMessage());
  }

  @Test
  void aTruncatedOrWrongFileIsNamed() throws IOException {
    Path images = dir.resolve("train-images-idx3-ubyte");
    write(images, false, 0x803, new int[] {2, 2, 3}, new byte[] {0, 1, 2});
    write(dir.resolve("train-labels-idx1-ubyte"), false, 0x801, new int[] {2}, new byte[] {3, 9});
    ImageDataException e = assertThrows(ImageDataException.class, () -> Datasets.fashionMnist(dir));
    assertEquals(images + ": IDX file ends early (truncated download?)", e.getMessage());
    write(images, false, 0x801, new int[] {2}, new byte[] {0, 1});
    e = assertThrows(ImageDataException.class, () -> Datasets.fashionMnist(dir));
    assertTrue(
        e.getMessage()
            .startsWith(images + ": not an IDX file of unsigned bytes with 3 " + "dimensions"),
        e.getMessage());
    write(images, false, 0x803, new int[] {100_000, 100_000, 100_000}, new byte[0]);
    e = assertThrows(ImageDataException.class, () -> Datasets.fashionMnist(dir));
    assertTrue(e.getMessage().contains("exceed"), e.getMessage());
  }

  private static void write(Path file, boolean gzip, int magic, int[] shape, byte[] values)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int dim : shape) {
        out.writeInt(dim);
      }
      out.write(values);
    }
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(bytes.toByteArray());
    }
  }
}
