package dev.lamina.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The split of {@code dev.lamina} that the layer rule relies on puts the classes where
 * docs/architecture.md says they are, and the import sees every library module; otherwise the rules
 * could pass by checking nothing.
 */
class CoreLayersTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(new MainCode()).importPackages("dev.lamina");

  @Test
  void theTensorAndItsTapeSitBelowTheBuildingBlocks() {
    List<String> tape =
        List.of("Tensor", "Parameter", "Gradients", "NoGrad", "Workspace", "GradFn", "DType");
    assertEquals(tape, namesIn(tape, CoreLayers.tensorAndTape()));
  }

  @Test
  void theModelFaceSitsAboveThem() {
    List<String> face = List.of("Sequential", "FitOptions", "Trainer", "Evaluator");
    assertEquals(face, namesIn(face, CoreLayers.training()));
  }

  @Test
  void everyLibraryModuleIsImported() {
    List<String> modules =
        List.of(
            "dev.lamina.kernels",
            "dev.lamina",
            "dev.lamina.data",
            "dev.lamina.report",
            "dev.lamina.cli",
            "dev.lamina.spark");
    List<String> found = modules.stream().filter(MAIN::containPackage).collect(Collectors.toList());
    assertEquals(modules, found);
  }

  private static List<String> namesIn(List<String> simpleNames, Predicate<JavaClass> layer) {
    return simpleNames.stream()
        .filter(name -> layer.test(MAIN.get(CoreLayers.FACE + "." + name)))
        .collect(Collectors.toList());
  }
}
