package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.Tensor;
import dev.lamina.data.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: exact round trips, and damaged files refused with exit code 2 and one line. */
class ModelFileErrorsTest {
  @TempDir static Path dir;
  static Path model;
  static Path features;

  @BeforeAll
  static void train() {
    Path csv = CliProcess.dataset("ion.csv", dir);
    CliProcess.run(
            dir,
            "train",
            "--data",
            csv.toString(),
            "--target",
            "Class",
            "--layers",
            "8,8",
            "--batchnorm",
            "--dropout",
            "0.2",
            "--epochs",
            "3",
            "--out",
            "run",
            "--json")
        .assertSuccess();
    model = dir.resolve("run/model.lamina");
    features = CliProcess.withoutColumn(csv, "Class", dir.resolve("features.csv"));
  }

  @Test
  void savedLoadedAndResavedModelsPredictBitIdentically() throws IOException {
    CliProcess.run(
            dir,
            "predict",
            "--model",
            model.toString(),
            "--data",
            features.toString(),
            "--out",
            "first.csv")
        .assertSuccess();

    SavedModel loaded = SavedModel.load(model);
    Path resaved = dir.resolve("resaved.lamina");
    loaded
        .network()
        .save(resaved, Map.of(Preprocessing.EXTRA_NAME, loaded.preprocessing().toJson()));
    CliProcess.run(
            dir,
            "predict",
            "--model",
            resaved.toString(),
            "--data",
            features.toString(),
            "--out",
            "second.csv")
        .assertSuccess();
    assertEquals(
        Files.readString(dir.resolve("first.csv")), Files.readString(dir.resolve("second.csv")));

    Table table = loaded.readData(features, false, new DataOptions());
    Tensor inProcess = SavedModel.load(resaved).predict(table);
    float[] expected = inProcess.toFloatArray();
    List<String> lines = Files.readAllLines(dir.resolve("first.csv"));
    assertEquals(expected.length, lines.size() - 1);
    for (int row = 0; row < expected.length; row++) {
      // the file shows the probability of the predicted label: p or 1 - p of the float32 output
      float p = expected[row];
      float shown = p >= 0.5f ? p : 1 - p;
      assertEquals(
          Float.floatToIntBits(shown),
          Float.floatToIntBits(Float.parseFloat(lines.get(row + 1).split(",")[1])),
          "row " + row);
    }
  }

  @Test
  void truncatedFilesExitWithCode2() throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    for (int length : new int[] {0, 1, 30, bytes.length / 2, bytes.length - 1}) {
      Path cut = dir.resolve("cut" + length + ".lamina");
      Files.write(cut, java.util.Arrays.copyOf(bytes, length));
      CliProcess.run(dir, "predict", "--model", cut.toString(), "--data", features.toString())
          .assertOneLineError(2, cut.toString());
    }
  }

  @Test
  void corruptedWeightsExitWithCode2() throws IOException {
    Map<String, byte[]> entries = entries(model);
    byte[] weights = entries.get("weights.bin");
    weights[weights.length - 3] ^= 0x55;
    Path bad = dir.resolve("flipped.lamina");
    Files.write(bad, zip(entries, false));
    CliProcess.run(dir, "evaluate", "--model", bad.toString(), "--data", features.toString())
        .assertOneLineError(2, bad.toString());
  }

  @Test
  void oversizedWeightsHeaderExitsWithCode2WithoutAllocating() throws IOException {
    Map<String, byte[]> entries = entries(model);
    ByteBuffer.wrap(entries.get("weights.bin"))
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(0, Long.MAX_VALUE / 2);
    Path bad = dir.resolve("oversized.lamina");
    Files.write(bad, zip(entries, true));
    CliProcess.run(dir, "summary", "--model", bad.toString())
        .assertOneLineError(2, "header length");
  }

  @Test
  void damagedPreprocessingExitsWithCode2() throws IOException {
    Map<String, byte[]> entries = entries(model);
    entries.put(
        Preprocessing.EXTRA_NAME,
        "{\"format\": 1, \"task\": \"binary\"}".getBytes(StandardCharsets.UTF_8));
    Path bad = dir.resolve("preprocessing.lamina");
    Files.write(bad, zip(entries, true));
    CliProcess.run(dir, "predict", "--model", bad.toString(), "--data", features.toString())
        .assertOneLineError(2, "preprocessing");
  }

  @Test
  void missingModelFileExitsWithCode2() {
    CliProcess.run(dir, "summary", "--model", "nowhere/model.lamina")
        .assertOneLineError(2, "nowhere/model.lamina", "no such file");
  }

  static Map<String, byte[]> entries(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** The entries zipped again; with {@code resign}, the manifest's checksums match them. */
  static byte[] zip(Map<String, byte[]> entries, boolean resign) throws IOException {
    if (resign) {
      StringBuilder sums = new StringBuilder();
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        if (!e.getKey().equals("manifest.json")) {
          sums.append(sums.length() == 0 ? "" : ",")
              .append('"')
              .append(e.getKey())
              .append("\":\"")
              .append(sha256(e.getValue()))
              .append('"');
        }
      }
      entries.put(
          "manifest.json",
          ("{\"format\":\"lamina-model\",\"format_version\":1," + "\"sha256\":{" + sums + "}}")
              .getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
