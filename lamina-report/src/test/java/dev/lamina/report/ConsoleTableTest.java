package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

  @Test
  void columnsAreAlignedUnderARule() {
    String table =
        ConsoleTable.format(
            List.of("metric", "value"),
            List.of(List.of("loss", "0.5000"), List.of("val_accuracy", "0.9000")));
    assertEquals(
        """
        metric        value
        --------------------
        loss          0.5000
        val_accuracy  0.9000
        """,
        table);
  }

  @Test
  void metricsKeepTheirOrderAndFourDecimals() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", 0.123456);
    metrics.put("mae", 2.0);
    assertEquals(
        """
        metric  value
        --------------
        loss    0.1235
        mae     2.0000
        """,
        ConsoleTable.metrics(metrics));
  }

  @Test
  void aRaggedRowIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ConsoleTable.format(List.of("a", "b"), List.of(List.of("1"))));
  }
}
