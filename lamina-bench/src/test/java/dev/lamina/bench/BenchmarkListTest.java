package dev.lamina.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The build ran JMH's annotation processor: without its list of benchmarks, bench/alloc and the JMH
 * command find nothing to run (as after Error Prone took over the processor path).
 */
class BenchmarkListTest {

  @Test
  void jmhListsTheTrainingStepBenchmark() throws IOException {
    try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertNotNull(list, "META-INF/BenchmarkList is missing: JMH's generator did not run");
      String entries = new String(list.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(entries.contains("TrainingStepBenchmark"), entries);
    }
  }
}
