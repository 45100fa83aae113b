package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary, predict and convert on Keras files (../shared/keras) and lamina-train models. */
class KerasCommandsTest {
  private static final String FILE = "ges0909__neuronale-netze__ann.keras";
  @TempDir Path dir;

  static Path shared() {
    for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        d != null;
        d = d.getParent()) {
      Path candidate = d.resolveSibling("shared").resolve("keras");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "the real Keras files are read from ../shared/keras beside the repository; not found");
  }

  @Test
  void summaryOfAKerasFile() {
    CliProcess.Outcome outcome =
        CliProcess.run(dir, "summary", "--model", shared().resolve(FILE).toString())
            .assertSuccess();
    assertTrue(
        outcome.stdout().contains("1,441") && outcome.stdout().contains("Network only"),
        outcome.stdout());
  }

  @Test
  void predictWithAKerasFileGivesTheReferenceOutputs() throws IOException {
    JsonNode reference = new ObjectMapper().readTree(shared().resolve(FILE + ".json").toFile());
    StringBuilder csv = new StringBuilder("id");
    for (int j = 0; j < 10; j++) {
      csv.append(",f").append(j);
    }
    csv.append('\n');
    for (int i = 0; i < reference.get("input").size(); i++) {
      csv.append("row").append(i);
      for (JsonNode v : reference.get("input").get(i)) {
        csv.append(',').append(v.asDouble());
      }
      csv.append('\n');
    }
    Files.writeString(dir.resolve("x.csv"), csv);
    CliProcess.run(
            dir,
            "predict",
            "--model",
            shared().resolve(FILE).toString(),
            "--data",
            "x.csv",
            "--out",
            "p.csv")
        .assertSuccess();
    List<String> lines = Files.readAllLines(dir.resolve("p.csv"));
    assertEquals("prediction", lines.get(0));
    for (int i = 0; i < reference.get("output").size(); i++) {
      assertEquals(
          reference.get("output").get(i).get(0).asDouble(),
          Double.parseDouble(lines.get(i + 1)),
          1e-4);
    }
    CliProcess.run(
            dir,
            "predict",
            "--model",
            shared().resolve(FILE).toString(),
            "--data",
            "x.csv",
            "--columns",
            "f0,f1")
        .assertOneLineError(2, "10 inputs", "[f0, f1]");
  }

  @Test
  void convertCarriesNumericPreprocessingAsNormalization() throws IOException {
    Path csv = CliProcess.dataset("ion.csv", dir);
    CliProcess.run(
            dir,
            "train",
            "--data",
            csv.toString(),
            "--target",
            "Class",
            "--layers",
            "8",
            "--epochs",
            "2",
            "--out",
            "run")
        .assertSuccess();
    CliProcess.Outcome outcome =
        CliProcess.run(dir, "convert", "--model", "run/model.lamina", "--out", "m.keras")
            .assertSuccess();
    SavedModel saved = SavedModel.load(dir.resolve("run/model.lamina"));
    Table table = DataFiles.read(csv, saved.preprocessing().readTypes(false), new DataOptions());
    Tensor expected = saved.predict(table);
    Sequential keras = Sequential.load(dir.resolve("m.keras"));
    boolean numeric = outcome.stdout().contains("Normalization");
    Tensor actual =
        numeric
            ? keras.predict(
                table
                    .select(saved.preprocessing().columnTypes().keySet().toArray(String[]::new))
                    .toTensor())
            : keras.predict(saved.preprocessing().inputs(table));
    float[] e = expected.toFloatArray();
    float[] a = actual.toFloatArray();
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], 1e-5, outcome.stdout());
    }
    assertTrue(numeric, "ionosphere's preprocessing is numeric only: " + outcome.stdout());
  }
}
