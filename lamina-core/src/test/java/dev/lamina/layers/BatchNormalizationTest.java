package dev.lamina.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Gradients;
import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNormalizationTest {

  private static BatchNormalization built(int features) {
    BatchNormalization layer = new BatchNormalization();
    layer.build(new int[] {features}, new SeededRandom(1));
    return layer;
  }

  /** docs/keras-behaviour.md §4, worked by hand from Keras's formulas. */
  @Test
  void kerasTestVector() {
    BatchNormalization layer = built(1);
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
    float[] y = layer.call(x, Phase.TRAINING).toFloatArray();
    assertArrayEquals(new float[] {-1.3411045f, -0.4470348f, 0.4470348f, 1.3411045f}, y, 1e-6f);
    List<Parameter> moving = layer.nonTrainableWeights();
    assertEquals(0.025f, moving.get(0).value().get(0), 1e-7f);
    assertEquals(1.0025f, moving.get(1).value().get(0), 1e-6f);
  }

  @Test
  void inferenceUsesTheMovingStatisticsWithoutUpdatingThem() {
    BatchNormalization layer = built(1);
    layer.nonTrainableWeights().get(0).assign(Tensor.of(new float[] {2}, 1));
    layer.nonTrainableWeights().get(1).assign(Tensor.of(new float[] {4 - 1e-3f}, 1));
    float[] y = layer.call(Tensor.of(new float[] {0, 2, 6}, 3, 1), Phase.INFERENCE).toFloatArray();
    assertArrayEquals(new float[] {-1, 0, 2}, y, 1e-6f);
    assertEquals(1, layer.nonTrainableWeights().get(0).version(), "assigned once, by the test");
  }

  @Test
  void movingStatisticsStayOutOfTheGradientGraph() {
    BatchNormalization layer = built(2);
    Tensor x = Tensor.randomNormal(1, 0, 1, 5, 2);
    Tensor y = layer.call(x, Phase.TRAINING);
    for (Parameter p : layer.nonTrainableWeights()) {
      assertNull(p.value().gradFn(), p.name());
    }
    List<Tensor> grads = Gradients.ofParameters(y.square().sum(), layer.nonTrainableWeights());
    assertArrayEquals(new float[2], grads.get(0).toFloatArray());
  }

  @Test
  void worksFirstAfterADenseAndBetweenADenseAndItsActivation() {
    SeededRandom random = new SeededRandom(3);
    List<Layer> chain =
        List.of(
            new BatchNormalization(),
            new Dense(6),
            new BatchNormalization(),
            new Dense(4),
            new BatchNormalization(),
            new Activation("relu"),
            new Dense(1));
    int[] shape = {3};
    for (Layer layer : chain) {
      layer.build(shape, random.split());
      shape = layer.outputShape(shape);
    }
    Tensor x = Tensor.randomNormal(5, 10, 3, 8, 3);
    Tensor y = x;
    for (Layer layer : chain) {
      y = layer.call(y, Phase.TRAINING);
    }
    assertArrayEquals(new int[] {8, 1}, y.shape());
    List<Parameter> trainable = chain.stream().flatMap(l -> l.trainableWeights().stream()).toList();
    List<Tensor> grads = Gradients.ofParameters(y.square().mean(), trainable);
    assertEquals(12, grads.size());
    for (Tensor g : grads) {
      for (float v : g.toFloatArray()) {
        assertTrue(Float.isFinite(v));
      }
    }
    // the first layer standardizes each feature of the batch, as a scaler would
    Tensor first = chain.get(0).call(x, Phase.TRAINING);
    assertArrayEquals(new float[3], first.mean(0).toFloatArray(), 1e-5f);
  }

  @Test
  void countsFourWeightsPerFeatureHalfOfThemTrainable() {
    BatchNormalization layer = built(1024);
    assertEquals(4 * 1024, layer.weights().stream().mapToLong(p -> p.value().size()).sum());
    assertEquals(
        List.of("gamma", "beta", "moving_mean", "moving_variance"),
        layer.weights().stream().map(p -> p.name().substring(p.name().indexOf('/') + 1)).toList());
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().momentum(1.5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().epsilon(0));
    assertTrue(e.getMessage().contains("BatchNormalization: epsilon"), e.getMessage());
  }
}
