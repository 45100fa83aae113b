package dev.lamina.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules report the fixtures that break them, in this module's test classes: a callback that
 * reaches up to Sequential, a Keras file reader that builds one, a data class that uses the
 * kernels' internals.
 */
class ArchitectureRulesFailTest {
  private static final JavaClasses WITH_FIXTURES =
      new ClassFileImporter().importPackages("dev.lamina");

  @Test
  void aCallbackThatUsesSequentialBreaksTheLayers() {
    List<String> details =
        ArchitectureTest.arrowsPointDown.evaluate(WITH_FIXTURES).getFailureReport().getDetails();
    assertTrue(
        details.stream()
            .anyMatch(
                d ->
                    d.contains("dev.lamina.callbacks.ReachesUpToSequential.model")
                        && d.contains("dev.lamina.Sequential")),
        details.toString());
  }

  @Test
  void aCallbackOrModelFileThatUsesSequentialBreaksTheSequentialRule() {
    List<String> details =
        ArchitectureTest.callbacksAndModelFilesNeverUseSequential
            .evaluate(WITH_FIXTURES)
            .getFailureReport()
            .getDetails();
    for (String fixture :
        List.of(
            "dev.lamina.callbacks.ReachesUpToSequential", "dev.lamina.keras.LoadsIntoSequential")) {
      assertTrue(details.stream().anyMatch(d -> d.contains(fixture)), fixture + ": " + details);
    }
    assertTrue(
        details.stream()
            .allMatch(d -> d.contains("UpToSequential") || d.contains("IntoSequential")),
        details.toString());
  }

  @Test
  void aDataClassThatUsesTheKernelsThreadPoolReachesIntoItsInternals() {
    List<String> details =
        ArchitectureTest.nothingReachesIntoAnotherModulesInternals
            .evaluate(WITH_FIXTURES)
            .getFailureReport()
            .getDetails();
    assertTrue(
        details.stream().allMatch(d -> d.contains("dev.lamina.data.UsesKernelThreads")),
        details.toString());
    assertTrue(details.size() > 0, "no violation reported");
  }
}
