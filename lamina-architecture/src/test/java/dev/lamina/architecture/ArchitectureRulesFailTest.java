package dev.lamina.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer rule reports an arrow against the grain: a callback that reaches up to Sequential. */
class ArchitectureRulesFailTest {

  @Test
  void aCallbackThatUsesSequentialBreaksTheLayers() {
    List<String> details =
        ArchitectureTest.arrowsPointDown
            .evaluate(new ClassFileImporter().importPackages("dev.lamina"))
            .getFailureReport()
            .getDetails();
    assertTrue(
        details.stream()
            .anyMatch(
                d ->
                    d.contains("dev.lamina.callbacks.ReachesUpToSequential.model")
                        && d.contains("dev.lamina.Sequential")),
        details.toString());
  }
}
