package dev.lamina.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lamina.Sequential;
import java.util.Arrays;

/**
 * The rules of docs/architecture.md over the main code of every library module (kernels, core,
 * data, report, cli, spark), with no exceptions listed: a new arrow against them fails the build.
 */
@AnalyzeClasses(packages = "dev.lamina", importOptions = MainCode.class)
class ArchitectureTest {
  // declared first: the rules below read it while the class initializes
  private static final String[] CORE = {
    "kernels",
    "foundations",
    "tensor and tape",
    "lower building blocks",
    "higher building blocks",
    "keras files",
    "training and model face"
  };

  private static String[] plus(String[] layers, String... more) {
    String[] all = Arrays.copyOf(layers, layers.length + more.length);
    System.arraycopy(more, 0, all, layers.length, more.length);
    return all;
  }

  @ArchTest
  static final ArchRule noClassCycleSpansTwoPackages = classes().should(new CrossPackageCycles());

  /** What a module keeps in an {@code internal} package (unexported) no other module uses. */
  @ArchTest
  static final ArchRule nothingReachesIntoAnotherModulesInternals =
      classes().should(Modules.notReachIntoAnotherModulesInternals());

  /**
   * Callbacks see the model through the {@code TrainingControl} they are given, model files through
   * the contents records they read and write ({@code ModelContents}, {@code KerasModel}); none of
   * them names {@code Sequential}. The layer rule below implies it; this says it in so many words.
   */
  @ArchTest
  static final ArchRule callbacksAndModelFilesNeverUseSequential =
      noClasses()
          .that()
          .resideInAnyPackage("dev.lamina.callbacks..", "dev.lamina.io..", "dev.lamina.keras..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(Sequential.class);

  /**
   * kernels ← tensor and tape ← building blocks ← training ← Sequential inside lamina-core, then
   * core ← data ← report ← cli, and spark on top. Every class belongs to one layer, so a new
   * package must be placed here (and in docs/architecture.md) before it compiles into the build.
   */
  @ArchTest
  static final ArchRule arrowsPointDown =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("kernels")
          .definedBy("dev.lamina.kernels..")
          .layer("foundations") // the random stream, constraints (on arrays), the file writer
          .definedBy("dev.lamina.random..", "dev.lamina.constraints..", "dev.lamina.files..")
          .layer("tensor and tape")
          .definedBy(CoreLayers.tensorAndTape())
          .layer("lower building blocks")
          .definedBy(
              "dev.lamina.autograd..", "dev.lamina.initializers..",
              "dev.lamina.metrics..", "dev.lamina.io..")
          .layer("higher building blocks")
          .definedBy(
              "dev.lamina.layers..",
              "dev.lamina.losses..",
              "dev.lamina.optimizers..",
              "dev.lamina.callbacks..")
          .layer("keras files")
          .definedBy("dev.lamina.keras..")
          .layer("training and model face")
          .definedBy(CoreLayers.training())
          .layer("data")
          .definedBy("dev.lamina.data..")
          .layer("report")
          .definedBy("dev.lamina.report..")
          .layer("cli")
          .definedBy("dev.lamina.cli..")
          .layer("spark")
          .definedBy("dev.lamina.spark..")
          .whereLayer("kernels")
          .mayNotAccessAnyLayer()
          .whereLayer("foundations")
          .mayOnlyAccessLayers("kernels")
          .whereLayer("tensor and tape")
          .mayOnlyAccessLayers("kernels", "foundations")
          .whereLayer("lower building blocks")
          .mayOnlyAccessLayers("kernels", "foundations", "tensor and tape")
          .whereLayer("higher building blocks")
          .mayOnlyAccessLayers("kernels", "foundations", "tensor and tape", "lower building blocks")
          .whereLayer("keras files")
          .mayOnlyAccessLayers(
              "kernels",
              "foundations",
              "tensor and tape",
              "lower building blocks",
              "higher building blocks")
          .whereLayer("training and model face")
          .mayOnlyAccessLayers(
              "kernels",
              "foundations",
              "tensor and tape",
              "lower building blocks",
              "higher building blocks",
              "keras files")
          .whereLayer("data")
          .mayOnlyAccessLayers(CORE)
          .whereLayer("report")
          .mayOnlyAccessLayers(plus(CORE, "data"))
          .whereLayer("cli")
          .mayOnlyAccessLayers(plus(CORE, "data", "report"))
          .whereLayer("spark")
          .mayOnlyAccessLayers(plus(CORE, "data", "report", "cli"))
          .ensureAllClassesAreContainedInArchitecture();
}
