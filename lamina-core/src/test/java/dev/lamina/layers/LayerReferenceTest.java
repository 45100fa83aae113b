package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Gradients;
import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward and backward of every layer and activation in float32 against PyTorch's float64 values
 * (fixture from tools/fixtures/make_layer_fixtures.py), with Keras's defaults. The layer is made
 * from the fixture's config by {@link Layers#fromConfig}, so this also reads configs.
 */
class LayerReferenceTest {
  /** Relative error allowed in float32, against the magnitude of the values compared. */
  private static final double RELATIVE_TOLERANCE = 1e-5;

  static Stream<Arguments> cases() {
    return ReferenceCases.all().stream().map(c -> Arguments.of(c.get("name"), c));
  }

  @Test
  void everyActivationHasAReferenceCase() {
    Set<String> covered = new TreeSet<>();
    for (Map<String, Object> c : ReferenceCases.all()) {
      if (c.get("layer").equals("Activation")) {
        covered.add((String) ((Map<?, ?>) c.get("config")).get("activation"));
      }
    }
    assertEquals(new TreeSet<>(ActivationFunctions.names()), covered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void matchesPyTorch(String name, Map<String, Object> fixture) {
    Layer layer =
        Layers.fromConfig(
            (String) fixture.get("layer"), (Map<String, Object>) fixture.get("config"));
    Tensor x = ReferenceCases.tensor(fixture.get("input"));
    int[] shape = x.shape();
    layer.build(Arrays.copyOfRange(shape, 1, shape.length), new SeededRandom(1));
    List<Object> weights = ReferenceCases.list(fixture, "weights");
    assertEquals(weights.size(), layer.weights().size(), name + ": weight count");
    for (int i = 0; i < weights.size(); i++) {
      layer.weights().get(i).assign(ReferenceCases.tensor(weights.get(i)));
    }
    Phase phase = Phase.valueOf(((String) fixture.get("phase")).toUpperCase(java.util.Locale.ROOT));

    Tensor y = layer.call(x, phase);
    Tensor loss = y.mul(ReferenceCases.tensor(fixture.get("cotangent"))).sum();
    List<Tensor> wrt = new ArrayList<>();
    wrt.add(x);
    layer.trainableWeights().forEach(p -> wrt.add(p.value()));
    List<Tensor> grads = Gradients.of(loss, wrt);

    assertClose(name + " output", fixture.get("output"), y);
    assertClose(name + " input gradient", fixture.get("input_gradient"), grads.get(0));
    List<Object> weightGrads = ReferenceCases.list(fixture, "weight_gradients");
    assertEquals(weightGrads.size(), layer.trainableWeights().size(), name + ": trainable count");
    for (int i = 0; i < weightGrads.size(); i++) {
      assertClose(
          name + " gradient of " + layer.trainableWeights().get(i).name(),
          weightGrads.get(i),
          grads.get(i + 1));
    }
    if (fixture.containsKey("weights_after")) {
      List<Object> after = ReferenceCases.list(fixture, "weights_after");
      for (int i = 0; i < after.size(); i++) {
        Parameter p = layer.weights().get(i);
        assertClose(name + " " + p.name() + " after the call", after.get(i), p.value());
      }
    }
    if (fixture.containsKey("regularization")) {
      checkRegularization(name, fixture, layer);
    }
  }

  private static void checkRegularization(String name, Map<String, Object> fixture, Layer layer) {
    Tensor penalty = layer.regularization();
    double expected = ((Number) fixture.get("regularization")).doubleValue();
    assertEquals(expected, penalty.item(), RELATIVE_TOLERANCE * Math.abs(expected), name);
    List<Tensor> grads = Gradients.ofParameters(penalty, layer.trainableWeights());
    List<Object> expectedGrads = ReferenceCases.list(fixture, "regularization_gradients");
    for (int i = 0; i < expectedGrads.size(); i++) {
      assertClose(name + " regularization gradient " + i, expectedGrads.get(i), grads.get(i));
    }
  }

  /**
   * Each element within 1e-5 relative error, measured against the larger of its own magnitude and
   * 1% of the array's largest: float32 results that come from cancellation (tanh's 1 − tanh² near
   * saturation, gelu's 1 + erf far left) carry an absolute rounding error of the array's scale,
   * which tiny elements cannot have relative to themselves.
   */
  static void assertClose(String what, Object expectedEncoded, Tensor actual) {
    double[] expected = ReferenceCases.values(expectedEncoded);
    assertArrayEquals(
        ReferenceCases.tensor(expectedEncoded).shape(), actual.shape(), what + ": shape");
    double[] got = actual.toDoubleArray();
    double largest = Arrays.stream(expected).map(Math::abs).max().orElse(0);
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(Math.abs(expected[i]), 1e-2 * largest);
      double error = Math.abs(got[i] - expected[i]);
      assertTrue(
          error <= RELATIVE_TOLERANCE * scale || error == 0,
          what
              + " element "
              + i
              + ": expected "
              + expected[i]
              + ", got "
              + got[i]
              + ", relative error "
              + error / scale);
    }
  }
}
