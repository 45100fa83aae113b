package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** train → predict (raw rows without the target) → evaluate on each course dataset, as a user. */
class DatasetCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "red-wine.csv, quality, regression, 16",
    "concrete.csv, CompressiveStrength, regression, 16",
    "ion.csv, Class, binary, 8",
    "hotel.csv, is_canceled, binary, 16"
  })
  void trainPredictEvaluate(String file, String target, String task, String units)
      throws IOException {
    Path csv = CliProcess.dataset(file, dir);
    int rows;
    try (Stream<String> stream = Files.lines(csv)) {
      rows = (int) stream.count() - 1;
    }
    CliProcess.Outcome trained =
        CliProcess.run(
                dir,
                "train",
                "--data",
                csv.toString(),
                "--target",
                target,
                "--layers",
                units,
                "--epochs",
                "2",
                "--batch-size",
                "512",
                "--out",
                "run",
                "--json")
            .assertSuccess();

    assertEquals(1, trained.stdout().lines().count(), "--json: one line on stdout");
    assertTrue(trained.stderr().contains("Epoch 2/2"), "--json: progress on stderr");
    JsonNode result = JSON.readTree(trained.stdout());
    for (String key :
        List.of("best_epoch", "epochs_run", "val_loss", "metrics", "params", "seconds")) {
      assertTrue(result.has(key), () -> key + " missing from " + trained.stdout());
    }
    assertEquals(task, result.get("task").asText());
    assertEquals(2, result.get("epochs_run").asInt());
    assertTrue(result.get("val_loss").isNumber());
    assertTrue(result.get("metrics").has("val_" + (task.equals("binary") ? "accuracy" : "mae")));
    for (String output :
        List.of("model.lamina", "history.csv", "learning-curves.png", "report.html")) {
      assertTrue(Files.size(dir.resolve("run").resolve(output)) > 0, output);
    }

    Path features = CliProcess.withoutColumn(csv, target, dir.resolve("features.csv"));
    CliProcess.run(
            dir,
            "predict",
            "--model",
            "run/model.lamina",
            "--data",
            features.toString(),
            "--out",
            "predictions.csv")
        .assertSuccess();
    List<String> predictions = Files.readAllLines(dir.resolve("predictions.csv"));
    assertEquals(rows + 1, predictions.size());
    assertEquals(
        task.equals("binary") ? "prediction,probability" : "prediction", predictions.get(0));

    CliProcess.Outcome evaluated =
        CliProcess.run(
                dir, "evaluate", "--model", "run/model.lamina", "--data", csv.toString(), "--json")
            .assertSuccess();
    JsonNode metrics = JSON.readTree(evaluated.stdout());
    assertEquals(rows, metrics.get("rows").asInt());
    assertTrue(metrics.get("loss").isNumber());
  }

  @Test
  void defaultRunTrainsRedWineAndDrawsBothCurves() throws IOException {
    CliProcess.Outcome trained =
        CliProcess.run(dir, "train", "--layers", "8", "--epochs", "3", "--out", "run")
            .assertSuccess();
    assertTrue(trained.stdout().contains("Epoch 3/3"), trained.stdout());
    assertTrue(trained.stdout().contains("Best epoch"), trained.stdout());

    BufferedImage png = ImageIO.read(dir.resolve("run/learning-curves.png").toFile());
    assertEquals(800, png.getWidth());
    assertEquals(2 * 360, png.getHeight(), "one chart for loss, one for mae");
    assertTrue(ChartPixels.hasSeriesColors(png), "the loss and val_loss lines are drawn");

    String html = Files.readString(dir.resolve("run/report.html"));
    assertTrue(html.contains("data:image/png;base64,"));
    assertTrue(html.contains("red-wine"));
    assertTrue(!html.contains("http://") && !html.contains("https://"), "no network references");

    CliProcess.Outcome summary =
        CliProcess.run(dir, "summary", "--model", "run/model.lamina").assertSuccess();
    assertTrue(summary.stdout().contains("Target: quality"), summary.stdout());
    assertTrue(summary.stdout().contains("Task: regression"), summary.stdout());
  }

  @Test
  void multiclassOnRequestPredictsLabels() throws IOException {
    Path csv = CliProcess.dataset("red-wine.csv", dir);
    CliProcess.Outcome trained =
        CliProcess.run(
                dir,
                "train",
                "--task",
                "multiclass",
                "--layers",
                "8",
                "--epochs",
                "2",
                "--out",
                "run",
                "--json")
            .assertSuccess();
    JsonNode result = JSON.readTree(trained.stdout());
    assertEquals("multiclass", result.get("task").asText());
    assertEquals(8 * 11 + 8 + 6 * 8 + 6, result.get("params").asInt(), "6 classes: 3 to 8");

    CliProcess.run(dir, "predict", "--model", "run/model.lamina", "--data", csv.toString())
        .assertSuccess();
    List<String> predictions = Files.readAllLines(dir.resolve("predictions.csv"));
    for (String line : predictions.subList(1, predictions.size())) {
      String[] cells = line.split(",");
      assertTrue(List.of("3", "4", "5", "6", "7", "8").contains(cells[0]), line);
      double probability = Double.parseDouble(cells[1]);
      assertTrue(probability >= 1.0 / 6 && probability <= 1, line);
    }
  }
}
