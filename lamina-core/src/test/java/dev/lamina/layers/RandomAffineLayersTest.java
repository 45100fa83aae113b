package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Json;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RandomTranslation and RandomZoom: the transform of given shifts and zooms against Keras 3's own
 * (tools/fixtures/make_affine_fixtures.py, every fill mode and interpolation), the statistics of
 * the draws, and Keras's option rules. (Keras's random draws themselves cannot be reproduced.)
 */
class RandomAffineLayersTest {
  private static final Map<String, Object> FIXTURE = fixture();

  static Stream<Arguments> cases() {
    return list(FIXTURE, "cases").stream()
        .map(c -> Arguments.of(c.get("fill_mode") + ", " + c.get("interpolation"), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translationOfGivenShiftsMatchesKeras(String name, Map<String, Object> c) {
    RandomTranslation layer = configured(new RandomTranslation(0.1, 0.1), c);
    Tensor images = images();
    List<Map<String, Object>> shifts = list(FIXTURE, "translations");
    double[] rows = new double[2 * shifts.size()];
    double[] columns = new double[2 * shifts.size()];
    for (int b = 0; b < shifts.size(); b++) {
      List<?> shift = (List<?>) (Object) shifts.get(b);
      rows[2 * b] = 1;
      rows[2 * b + 1] = -((Number) shift.get(1)).doubleValue();
      columns[2 * b] = 1;
      columns[2 * b + 1] = -((Number) shift.get(0)).doubleValue();
    }
    assertClose(numbers(c.get("translated")), layer.transform(images, rows, columns), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void zoomOfGivenFactorsMatchesKeras(String name, Map<String, Object> c) {
    RandomZoom layer = configured(new RandomZoom(0.1), c);
    Tensor images = images();
    int[] shape = images.shape();
    List<Map<String, Object>> zooms = list(FIXTURE, "zooms");
    double[] rows = new double[2 * zooms.size()];
    double[] columns = new double[2 * zooms.size()];
    for (int b = 0; b < zooms.size(); b++) {
      List<?> zoom = (List<?>) (Object) zooms.get(b);
      rows[2 * b] = ((Number) zoom.get(1)).doubleValue();
      rows[2 * b + 1] = RandomZoom.centred(rows[2 * b], shape[1]);
      columns[2 * b] = ((Number) zoom.get(0)).doubleValue();
      columns[2 * b + 1] = RandomZoom.centred(columns[2 * b], shape[2]);
    }
    assertClose(numbers(c.get("zoomed")), layer.transform(images, rows, columns), name);
  }

  @Test
  void translationDrawsAreUniformOverTheRangeTimesTheSize() {
    RandomTranslation layer = new RandomTranslation(new double[] {0.3, -0.2}, new double[] {0.25});
    int batch = 20_000;
    double[][] maps = layer.drawMaps(batch, 10, 8, new SeededRandom(5));
    assertUniform(shifts(maps[0], batch), -0.2 * 10, 0.3 * 10);
    assertUniform(shifts(maps[1], batch), -0.25 * 8, 0.25 * 8);
    for (int b = 0; b < batch; b++) {
      assertEquals(1, maps[0][2 * b]);
      assertEquals(1, maps[1][2 * b]);
    }
  }

  @Test
  void zoomDrawsAreUniformAndShareOneDrawWithoutAWidthFactor() {
    int batch = 20_000;
    double[][] together = new RandomZoom(0.4).drawMaps(batch, 9, 7, new SeededRandom(6));
    double[][] apart =
        new RandomZoom(new double[] {-0.5, 0.1}, new double[] {0.2, 0.3})
            .drawMaps(batch, 9, 7, new SeededRandom(6));
    double[] rowScales = new double[batch];
    double[] columnScales = new double[batch];
    for (int b = 0; b < batch; b++) {
      assertEquals(together[0][2 * b], together[1][2 * b]);
      assertEquals(RandomZoom.centred(together[0][2 * b], 9), together[0][2 * b + 1], 1e-12);
      assertEquals(RandomZoom.centred(together[1][2 * b], 7), together[1][2 * b + 1], 1e-12);
      rowScales[b] = apart[0][2 * b];
      columnScales[b] = apart[1][2 * b];
    }
    assertUniform(scales(together[0], batch), 0.6, 1.4);
    assertUniform(rowScales, 0.5, 1.1);
    assertUniform(columnScales, 1.2, 1.3);
  }

  @Test
  void transformsOnlyWhileTrainingAndRepeatsWithItsSeed() {
    Tensor x = Tensor.randomNormal(3, 0, 1, 4, 6, 5, 2);
    RandomTranslation layer = new RandomTranslation(0.3, 0.3).seed(11);
    layer.build(new int[] {6, 5, 2}, new SeededRandom(1));
    assertSame(x, layer.call(x, Phase.INFERENCE));
    float[] first = layer.call(x, Phase.TRAINING).toFloatArray();
    assertNotEquals(List.of(x.toFloatArray()), List.of(first));
    RandomTranslation again = new RandomTranslation(0.3, 0.3).seed(11);
    again.build(new int[] {6, 5, 2}, new SeededRandom(99));
    assertArrayEquals(first, again.call(x, Phase.TRAINING).toFloatArray());
  }

  @Test
  void zoomByOneAndTranslationByZeroChangeNothing() {
    Tensor x = Tensor.randomNormal(4, 0, 1, 2, 5, 4, 3);
    double[] identity = {1, 0, 1, 0};
    assertArrayEquals(
        x.toFloatArray(), new RandomZoom(0.2).transform(x, identity, identity).toFloatArray());
    assertArrayEquals(
        x.toFloatArray(),
        new RandomTranslation(0.2, 0.2).transform(x, identity, identity).toFloatArray());
  }

  @Test
  void refusesWhatKerasRefuses() {
    assertMessage(
        "RandomTranslation: heightFactor must be one number or two in the range [-1, 1], got [1.5]",
        () -> new RandomTranslation(1.5, 0.1));
    assertMessage(
        "RandomZoom: heightFactor must be one number or two in the range (-1, 1], got [-1.0, 0.5]",
        () -> new RandomZoom(new double[] {-1, 0.5}, null));
    assertMessage(
        "RandomZoom: widthFactor must be one number or two in the range (-1, 1], got [0.1, 0.2, 0.3]",
        () -> new RandomZoom(new double[] {0.1}, new double[] {0.1, 0.2, 0.3}));
    assertMessage(
        "RandomZoom: fillMode must be one of [reflect, wrap, constant, nearest], got 'mirror'",
        () -> new RandomZoom(0.1).fillMode("mirror"));
    assertMessage(
        "RandomTranslation: interpolation must be one of [bilinear, nearest], got 'bicubic'",
        () -> new RandomTranslation(0.1, 0.1).interpolation("bicubic"));
    RandomZoom zoom = new RandomZoom(0.1);
    zoom.assignDefaultName("random_zoom");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> zoom.build(new int[] {5, 4}, new SeededRandom(1)));
    assertTrue(
        e.getMessage().contains("RandomZoom") && e.getMessage().contains("[5, 4]"), e.getMessage());
  }

  @Test
  void configKeepsFactorsAsGiven() {
    Map<String, Object> config =
        new RandomZoom(new double[] {-0.2, 0.3}, null).fillMode("constant").fillValue(0.5).config();
    assertEquals(List.of(-0.2, 0.3), config.get("height_factor"));
    assertEquals(null, config.get("width_factor"));
    assertEquals("constant", config.get("fill_mode"));
    assertEquals(0.5, config.get("fill_value"));
    assertEquals(0.1, new RandomTranslation(0.1, 0.2).config().get("height_factor"));
  }

  private static <L extends RandomAffineLayer<L>> L configured(L layer, Map<String, Object> c) {
    return layer
        .fillMode((String) c.get("fill_mode"))
        .interpolation((String) c.get("interpolation"))
        .fillValue(((Number) c.get("fill_value")).doubleValue());
  }

  private static double[] shifts(double[] map, int batch) {
    double[] shifts = new double[batch];
    for (int b = 0; b < batch; b++) {
      shifts[b] = -map[2 * b + 1];
    }
    return shifts;
  }

  private static double[] scales(double[] map, int batch) {
    double[] scales = new double[batch];
    for (int b = 0; b < batch; b++) {
      scales[b] = map[2 * b];
    }
    return scales;
  }

  /** All draws within [lower, upper), mean and variance those of the uniform distribution. */
  private static void assertUniform(double[] draws, double lower, double upper) {
    double mean = 0;
    for (double d : draws) {
      assertTrue(d >= lower && d < upper, d + " outside [" + lower + ", " + upper + ")");
      mean += d / draws.length;
    }
    double variance = 0;
    for (double d : draws) {
      variance += (d - mean) * (d - mean) / draws.length;
    }
    double width = upper - lower;
    // five standard errors of the mean and of the variance for 20,000 uniform draws
    assertEquals((lower + upper) / 2, mean, 5 * width / Math.sqrt(12 * draws.length));
    assertEquals(
        width * width / 12, variance, 5 * width * width / 12 * Math.sqrt(0.8 / draws.length));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertEquals(expected, e.getMessage());
  }

  private static void assertClose(double[] expected, Tensor actual, String what) {
    float[] got = actual.toFloatArray();
    assertEquals(expected.length, got.length, what);
    for (int i = 0; i < got.length; i++) {
      assertEquals(expected[i], got[i], 1e-5, what + " at " + i);
    }
  }

  private static Tensor images() {
    int[] shape =
        ((List<?>) FIXTURE.get("shape")).stream().mapToInt(d -> ((Number) d).intValue()).toArray();
    double[] values = numbers(FIXTURE.get("images"));
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return Tensor.of(floats, shape);
  }

  private static double[] numbers(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fixture() {
    try (InputStream in =
        RandomAffineLayersTest.class.getResourceAsStream("/fixtures/random_affine.json")) {
      return (Map<String, Object>)
          Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
