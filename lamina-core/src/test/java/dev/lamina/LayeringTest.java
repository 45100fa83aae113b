package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps design.md's layering inside lamina-core: the building blocks (autograd, layers, losses,
 * metrics, optimizers, callbacks, initializers, constraints, io) may use the tensor types of {@code dev.lamina}
 * but never the model face (Sequential, FitOptions, History, the training loop), so the arrows
 * point one way. Reads the sources' import lines.
 */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/lamina");
  private static final Set<String> TENSOR_TYPES =
      Set.of(
          "Tensor", "NeuralOps", "Convolutions", "Parameter", "DType", "ShapeMismatchException",
          "BatchSource");
  private static final Pattern FACE_IMPORT = Pattern.compile("^import dev\\.lamina\\.([A-Z]\\w*);");
  private static final Pattern ANY_IMPORT = Pattern.compile("^import dev\\.lamina\\.(\\w+)\\.");

  @Test
  void buildingBlocksNeverReachUpToTheModelFace() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String block :
        List.of("autograd", "layers", "losses", "metrics", "optimizers", "callbacks", "initializers", "io",
            "constraints")) {
      forEachImport(block, (file, line) -> {
        Matcher face = FACE_IMPORT.matcher(line);
        if (face.find() && !TENSOR_TYPES.contains(face.group(1))) {
          violations.add(file + ": " + line);
        }
      });
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void lowerBlocksDoNotImportHigherOnes() throws IOException {
    List<String> violations = new ArrayList<>();
    // initializers, constraints, metrics, io and autograd sit below layers, losses, optimizers and
    // callbacks
    Set<String> higher = Set.of("layers", "losses", "optimizers", "callbacks");
    for (String lower : List.of("initializers", "constraints", "metrics", "io", "autograd")) {
      forEachImport(lower, (file, line) -> {
        Matcher m = ANY_IMPORT.matcher(line);
        if (m.find() && higher.contains(m.group(1))) {
          violations.add(file + ": " + line);
        }
      });
    }
    assertEquals(List.of(), violations);
  }

  private interface ImportVisitor {
    void visit(Path file, String line);
  }

  private static void forEachImport(String block, ImportVisitor visitor) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES.resolve(block))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("import ")) {
            visitor.visit(SOURCES.relativize(file), line.trim());
          }
        }
      }
    }
  }
}
