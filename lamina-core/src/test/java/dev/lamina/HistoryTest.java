package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

  @Test
  void keepsSortedKeysAndPerEpochValues() {
    History h = new History();
    h.record(Map.of("val_loss", 0.5, "loss", 0.6, "accuracy", 0.7));
    h.record(Map.of("val_loss", 0.4, "loss", 0.5, "accuracy", 0.8));
    assertEquals(List.of("accuracy", "loss", "val_loss"), List.copyOf(h.keys()));
    assertEquals(2, h.epochs());
    assertArrayEquals(new double[] {0.5, 0.4}, h.get("val_loss"));
    assertEquals(1, h.bestEpoch("val_loss", false));
    assertEquals(1, h.bestEpoch("accuracy", true));
  }

  @Test
  void aKeyAddedLaterIsPaddedWithNaN() {
    History h = new History();
    h.record(Map.of("loss", 1.0));
    h.record(Map.of("loss", 0.5, "learning_rate", 0.1));
    assertArrayEquals(new double[] {Double.NaN, 0.1}, h.get("learning_rate"));
  }

  @Test
  void unknownKeyNamesTheKnownOnes() {
    History h = new History();
    h.record(Map.of("loss", 1.0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.get("val_loss"));
    assertEquals("History has no key 'val_loss'; keys: [loss]", e.getMessage());
  }

  @Test
  void writesCsv(@TempDir Path dir) throws IOException {
    History h = new History();
    h.record(Map.of("loss", 1.0, "val_loss", 2.0));
    h.record(Map.of("loss", 0.5, "val_loss", 1.5));
    Path file = dir.resolve("sub/history.csv");
    h.writeCsv(file);
    assertEquals(
        List.of("epoch,loss,val_loss", "0,1.0,2.0", "1,0.5,1.5"), Files.readAllLines(file));
  }
}
