package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real Keras files in the shared folder and reads their reference outputs. */
final class KerasFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KerasFixtures() {}

  /**
   * {@code ../shared/keras} beside the repository (the real files may not be copied into it);
   * fails, saying so, when it is absent.
   */
  static Path shared() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared").resolve("keras");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return fail(
        "the real Keras files are read from ../shared/keras beside the repository (their licence"
            + " does not let the project copy them), and no such folder was found above "
            + dir);
  }

  /** A committed golden file (tools/fixtures/make_keras_fixtures.py). */
  static Path golden(String name) {
    Path path = Path.of("src/test/resources/fixtures/keras").resolve(name);
    if (!Files.exists(path)) {
      fail("golden file missing: " + path.toAbsolutePath());
    }
    return path;
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Tensor matrix(JsonNode rows) {
    float[][] values = new float[rows.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = new float[rows.get(i).size()];
      for (int j = 0; j < values[i].length; j++) {
        values[i][j] = (float) rows.get(i).get(j).asDouble();
      }
    }
    return Tensor.of(values);
  }

  /** A tensor of any rank from nested JSON arrays of equal lengths. */
  static Tensor tensor(JsonNode nested) {
    java.util.List<Integer> shape = new java.util.ArrayList<>();
    for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
      shape.add(n.size());
    }
    java.util.List<Float> values = new java.util.ArrayList<>();
    flatten(nested, values);
    float[] flat = new float[values.size()];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = values.get(i);
    }
    return Tensor.of(flat, shape.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void flatten(JsonNode node, java.util.List<Float> values) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, values));
    } else {
      values.add((float) node.asDouble());
    }
  }

  static void assertClose(JsonNode expectedRows, Tensor actual, double tolerance, String what) {
    float[][] got = actual.toArray2d();
    assertEquals(expectedRows.size(), got.length, what + ": rows");
    for (int i = 0; i < got.length; i++) {
      assertEquals(expectedRows.get(i).size(), got[i].length, what + ": columns");
      for (int j = 0; j < got[i].length; j++) {
        double expected = expectedRows.get(i).get(j).asDouble();
        assertEquals(expected, got[i][j], tolerance, what + " at [" + i + "][" + j + "]");
      }
    }
  }
}
