package dev.lamina.layers.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Gradients;
import dev.lamina.Tensor;
import dev.lamina.autograd.GradientCheckException;
import dev.lamina.layers.BaseLayer;
import dev.lamina.layers.Layer;
import dev.lamina.layers.LayerGradCheck;
import dev.lamina.layers.Layers;
import dev.lamina.layers.Phase;
import dev.lamina.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/custom-layers.md, exercised the way the guide describes. */
class ScaledTanhTest {

  @Test
  void computesScaleTimesTanh() {
    ScaledTanh layer = new ScaledTanh();
    layer.build(new int[] {2}, new SeededRandom(1));
    layer.trainableWeights().get(0).assign(Tensor.of(new float[] {3}, 1));
    Tensor y = layer.call(Tensor.of(new float[] {0, 1}, 1, 2), Phase.INFERENCE);
    assertArrayEquals(new float[] {0, (float) (3 * Math.tanh(1))}, y.toFloatArray(), 1e-6f);
  }

  @Test
  void gradientsComeFromAutomaticDifferentiation() {
    ScaledTanh layer = new ScaledTanh();
    layer.build(new int[] {2}, new SeededRandom(1));
    Tensor x = Tensor.of(new float[] {0.5f, -1}, 1, 2);
    Tensor loss = layer.call(x, Phase.TRAINING).sum();
    Tensor gradScale = Gradients.ofParameters(loss, layer.trainableWeights()).get(0);
    assertEquals(Math.tanh(0.5) + Math.tanh(-1), gradScale.get(0), 1e-6);
  }

  @Test
  void passesTheFloat64GradientCheck() {
    assertTrue(LayerGradCheck.check(ScaledTanh::new, new int[] {4}, Phase.TRAINING).passed());
  }

  @Test
  void theGradientCheckCatchesAWrongGradient() {
    assertThrows(
        GradientCheckException.class,
        () -> LayerGradCheck.check(BrokenTanh::new, new int[] {4}, Phase.TRAINING));
  }

  @Test
  void loadsFromItsConfigOnceRegistered() {
    ScaledTanh.register();
    ScaledTanh original = new ScaledTanh().name("squash");
    Layer copy = Layers.fromConfig("ScaledTanh", original.config());
    assertEquals(original.config(), copy.config());
  }

  /** A layer whose hand-written gradient is wrong (it forgets the 1 − tanh² factor). */
  private static final class BrokenTanh extends BaseLayer<BrokenTanh> {
    @Override
    public String className() {
      return "BrokenTanh";
    }

    @Override
    protected Tensor forward(Tensor inputs, Phase phase) {
      return Tensor.fromOp("broken_tanh", inputs.tanh(), List.of(inputs), g -> List.of(g));
    }
  }
}
