package dev.lamina.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherCallbacksTest {

  @Test
  void reduceLrOnPlateauHalvesAfterPatienceAndLogsTheRate() {
    ScriptedTraining t = new ScriptedTraining();
    ReduceLROnPlateau cb = new ReduceLROnPlateau().factor(0.5).patience(2);
    t.run("val_loss", new double[] {1, 1, 1, 1, 1}, cb);
    assertEquals(0.25, t.learningRate());
    List<Double> logged = t.epochLogs.stream().map(l -> l.get("learning_rate")).toList();
    assertEquals(List.of(1.0, 1.0, 1.0, 0.5, 0.5), logged);
  }

  @Test
  void reduceLrOnPlateauRespectsCooldownAndMinLr() {
    ScriptedTraining t = new ScriptedTraining();
    ReduceLROnPlateau cb = new ReduceLROnPlateau().factor(0.1).patience(1).cooldown(2).minLr(0.05);
    t.run("val_loss", new double[] {1, 1, 1, 1, 1, 1}, cb);
    // epoch 1 reduces to 0.1, epochs 2-3 cool down, epoch 4 reduces to max(0.01, 0.05)
    assertEquals(0.05, t.learningRate(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0));
  }

  @Test
  void terminateOnNanNamesEpochAndBatch() {
    ScriptedTraining t = new ScriptedTraining();
    TerminateOnNaN cb = new TerminateOnNaN();
    cb.onTrainBegin(t);
    cb.onBatchEnd(0, 1, Map.of("loss", 0.5));
    assertNull(cb.terminatedAt());
    cb.onBatchEnd(0, 2, Map.of("loss", Double.NaN));
    assertEquals("epoch 1, batch 2", cb.terminatedAt());
  }

  @Test
  void csvLoggerWritesSortedKeysAndValidationTwins(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("log.csv");
    CsvLogger logger = new CsvLogger(file);
    logger.onTrainBegin(new ScriptedTraining());
    Map<String, Double> logs = new HashMap<>();
    logs.put("loss", 0.5);
    logs.put("accuracy", 0.75);
    logger.onEpochEnd(0, logs);
    logs.put("val_loss", 0.25);
    logger.onEpochEnd(1, logs);
    logger.onTrainEnd(Map.of());
    assertEquals(
        List.of(
            "epoch,accuracy,loss,val_accuracy,val_loss", "0,0.75,0.5,NA,NA", "1,0.75,0.5,NA,0.25"),
        Files.readAllLines(file));
  }

  @Test
  void csvLoggerAppendsWithoutASecondHeader(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("log.csv");
    for (int run = 0; run < 2; run++) {
      CsvLogger logger = new CsvLogger(file).append(true);
      logger.onTrainBegin(new ScriptedTraining());
      logger.onEpochEnd(run, new HashMap<>(Map.of("loss", 1.0, "val_loss", 2.0)));
      logger.onTrainEnd(Map.of());
    }
    assertEquals(
        List.of("epoch,loss,val_loss", "0,1.0,2.0", "1,1.0,2.0"), Files.readAllLines(file));
  }

  @Test
  void checkpointSavesEveryEpochWithFormattedNames() {
    ScriptedTraining t = new ScriptedTraining();
    t.run(
        "val_loss",
        new double[] {0.5, 0.25},
        new ModelCheckpoint(Path.of("ckpt-{epoch:02d}-{val_loss:.2f}.lamina")));
    assertEquals(List.of(Path.of("ckpt-01-0.50.lamina"), Path.of("ckpt-02-0.25.lamina")), t.saved);
  }

  @Test
  void checkpointSaveBestOnlySavesImprovements() {
    ScriptedTraining t = new ScriptedTraining();
    t.run(
        "val_loss",
        new double[] {0.5, 0.6, 0.4, 0.4},
        new ModelCheckpoint(Path.of("m-{epoch}.lamina")).saveBestOnly(true));
    assertEquals(List.of(Path.of("m-1.lamina"), Path.of("m-3.lamina")), t.saved);
  }

  @Test
  void checkpointRejectsOtherExtensionsAndUnknownFields() {
    assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint(Path.of("m.keras")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelCheckpoint.fill("m-{val_acc}.lamina", 0, Map.of("loss", 1.0)));
    assertEquals(true, e.getMessage().contains("val_acc"));
  }
}
