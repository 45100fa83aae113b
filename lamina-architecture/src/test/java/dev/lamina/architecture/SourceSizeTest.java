package dev.lamina.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size report of docs/architecture.md: prints the lines of main Java code per module and the
 * size of the compute core (the kernels, the tensor and its tape), and fails on any main source
 * file over {@value #MAX_LINES} lines, which design.md calls a design question. The one test that
 * prints: the report is what this test is for, and CI's log keeps it.
 */
class SourceSizeTest {
  static final int MAX_LINES = 500;
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void noMainSourceFileIsOverTheLimit() {
    List<String> over = new ArrayList<>();
    for (Path module : modules()) {
      for (Path file : javaFiles(module.resolve("src/main/java"))) {
        int lines = lines(file);
        if (lines > MAX_LINES) {
          over.add(ROOT.relativize(file) + ": " + lines + " lines");
        }
      }
    }
    assertEquals(List.of(), over, "main source files over " + MAX_LINES + " lines");
  }

  @Test
  void printsLinesPerModuleAndTheComputeCore() {
    StringBuilder report = new StringBuilder("Lines of main Java code (files):\n");
    for (Path module : modules()) {
      List<Path> files = javaFiles(module.resolve("src/main/java"));
      int lines = files.stream().mapToInt(SourceSizeTest::lines).sum();
      report.append(String.format("  %-20s %7d (%d)%n", module.getFileName(), lines, files.size()));
    }
    int kernels = sum(javaFiles(ROOT.resolve("lamina-kernels/src/main/java")));
    List<Path> tensorAndTape = tensorAndTapeSources();
    int tensor = sum(tensorAndTape);
    report.append(
        String.format(
            "Compute core: %d lines = kernels %d + tensor and tape %d (%d files of dev.lamina)%n",
            kernels + tensor, kernels, tensor, tensorAndTape.size()));
    System.out.print(report);
    assertTrue(tensor > 0 && kernels > 0, report.toString());
  }

  /** The source files of dev.lamina's tensor-and-tape classes, as the layer rule sorts them. */
  private static List<Path> tensorAndTapeSources() {
    Path face = ROOT.resolve("lamina-core/src/main/java/dev/lamina");
    var tensorAndTape = CoreLayers.tensorAndTape();
    return new ClassFileImporter()
        .withImportOption(new MainCode()).importPackages(CoreLayers.FACE).stream()
            .filter(c -> c.getPackageName().equals(CoreLayers.FACE) && c.isTopLevelClass())
            .filter(tensorAndTape)
            .map(JavaClass::getSimpleName)
            .map(name -> face.resolve(name + ".java"))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
  }

  private static List<Path> modules() {
    try (Stream<Path> children = Files.list(ROOT)) {
      return children
          .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
          .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(Path sources) {
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int sum(List<Path> files) {
    return files.stream().mapToInt(SourceSizeTest::lines).sum();
  }

  private static int lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return (int) lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
