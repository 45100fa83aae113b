package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.layers.example.Residual;
import dev.lamina.layers.example.ScaledTanh;
import dev.lamina.random.SeededRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every layer keeps, swept over {@link SampleLayers}: output shape, parameter count,
 * config round trip, training versus inference, and a float64 gradient check.
 */
class LayerContractTest {
  private static final int BATCH = 3;

  @BeforeAll
  static void registerCustomLayers() {
    ScaledTanh.register();
    Residual.register();
  }

  static List<SampleLayers> samples() {
    return SampleLayers.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void callGivesTheDeclaredOutputShape(SampleLayers sample) {
    BaseLayer<?> layer = built(sample, 1);
    int[] expected = LayerGradCheck.withBatch(BATCH, layer.outputShape(sample.inputShape()));
    for (Phase phase : Phase.values()) {
      assertArrayEquals(expected, layer.call(input(sample, 2), phase).shape(), phase.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void countsItsParameters(SampleLayers sample) {
    BaseLayer<?> layer = sample.factory().get();
    assertFalse(layer.isBuilt());
    assertTrue(layer.weights().isEmpty(), "no weights before build");
    layer.build(sample.inputShape(), new SeededRandom(1));
    assertTrue(layer.isBuilt());
    assertEquals(sample.params(), count(layer.weights()));
    assertEquals(sample.trainableParams(), count(layer.trainableWeights()));
    assertEquals(layer.weights().size(), layer.getWeights().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void configRoundTripsToAnEqualLayer(SampleLayers sample) {
    BaseLayer<?> original = built(sample, 7).name("original_name");
    Map<String, Object> config = original.config();
    assertJsonCompatible(config);
    assertEquals("original_name", config.get("name"));

    Layer copy = Layers.fromConfig(original.className(), config);
    assertEquals(config, copy.config());
    assertEquals(original.className(), copy.className());
    copy.build(sample.inputShape(), new SeededRandom(7));
    List<Parameter> weights = copy.weights();
    for (int i = 0; i < weights.size(); i++) {
      weights.get(i).assign(original.weights().get(i).value());
    }
    for (Phase phase : Phase.values()) {
      Tensor x = input(sample, 3);
      assertArrayEquals(
          original.call(x, phase).toFloatArray(), copy.call(x, phase).toFloatArray(), phase.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void trainingDiffersFromInferenceOnlyWhereKerasSaysSo(SampleLayers sample) {
    Tensor x = input(sample, 4);
    float[] training = built(sample, 1).call(x, Phase.TRAINING).toFloatArray();
    float[] inference = built(sample, 1).call(x, Phase.INFERENCE).toFloatArray();
    assertEquals(sample.phasesDiffer(), !Arrays.equals(training, inference));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void gradientsMatchFiniteDifferencesInFloat64(SampleLayers sample) {
    for (Phase phase : Phase.values()) {
      LayerGradCheck.check(sample.factory(), sample.inputShape(), phase);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void rejectsABatchWithOtherFeaturesThanBuilt(SampleLayers sample) {
    BaseLayer<?> layer = built(sample, 1);
    int[] shape = sample.inputShape().clone();
    shape[shape.length - 1] += 1;
    // the layers whose built state fixes the feature count; the others take any features
    if (layer instanceof Dense
        || layer instanceof BatchNormalization
        || layer instanceof Input
        || layer instanceof ConvolutionLayer) {
      Tensor wrong = Tensor.zeros(LayerGradCheck.withBatch(BATCH, shape));
      try {
        layer.call(wrong, Phase.INFERENCE);
        fail("accepted input of shape " + Arrays.toString(wrong.shape()));
      } catch (IllegalArgumentException e) {
        assertNotNull(layer.name());
        assertTrue(e.getMessage().contains(layer.className()), e.getMessage());
        assertTrue(e.getMessage().contains(Arrays.toString(shape)), e.getMessage());
      }
    }
  }

  private static BaseLayer<?> built(SampleLayers sample, long seed) {
    BaseLayer<?> layer = sample.factory().get();
    layer.assignDefaultName("sample");
    layer.build(sample.inputShape(), new SeededRandom(seed));
    return layer;
  }

  private static Tensor input(SampleLayers sample, long seed) {
    return Tensor.randomNormal(
        seed, 0.3, 1.5, LayerGradCheck.withBatch(BATCH, sample.inputShape()));
  }

  private static long count(List<Parameter> weights) {
    return weights.stream().mapToLong(p -> p.value().size()).sum();
  }

  private static void assertJsonCompatible(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return;
    }
    if (value instanceof List<?> list) {
      list.forEach(LayerContractTest::assertJsonCompatible);
    } else if (value instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> assertTrue(k instanceof String, "key " + k));
      map.values().forEach(LayerContractTest::assertJsonCompatible);
    } else {
      fail("not JSON-compatible: " + value.getClass() + " " + value);
    }
  }
}
