package dev.lamina.layers;

import dev.lamina.DType;
import dev.lamina.Gradients;
import dev.lamina.NoGrad;
import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.autograd.GradCheck;
import dev.lamina.autograd.GradCheckReport;
import dev.lamina.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a layer's gradients with respect to its input and its trainable weights against central
 * differences, in float64, with {@link GradCheck}.
 *
 * <p>GradCheck differentiates with respect to tensors it creates, while a layer reads its weights
 * from its own {@link Parameter}s. So each evaluation builds a fresh float64 layer (same seed, so
 * Dropout draws the same mask every time), assigns the probe values to its parameters, and, when
 * gradients are being recorded, adds Σ p · g − detach(Σ p · g) with g = ∂loss/∂parameter: zero in
 * value, it hands the layer's automatic parameter gradients to the probes, which GradCheck then
 * compares with differences of the loss taken by moving the probes, hence the parameters.
 */
public final class LayerGradCheck {
  private static final long SEED = 5;

  private LayerGradCheck() {}

  /**
   * Compares the gradients of {@code sum(layer(x) · c)}, for a random batch x and cotangent c, with
   * respect to x and to every trainable weight, with central differences; throws {@link
   * dev.lamina.autograd.GradientCheckException} naming the worst element when they disagree.
   *
   * @param factory makes a fresh, unbuilt layer each time it is called
   * @param inputShape without the batch axis
   */
  public static GradCheckReport check(
      Supplier<? extends BaseLayer<?>> factory, int[] inputShape, Phase phase) {
    SeededRandom random = new SeededRandom(11);
    BaseLayer<?> probe = built(factory, inputShape);
    Tensor cotangent = normal(random, withBatch(3, probe.outputShape(inputShape)), 0, 1);
    List<Tensor> points = new ArrayList<>();
    points.add(normal(random, withBatch(3, inputShape), 0, 1));
    for (Parameter p : probe.trainableWeights()) {
      points.add(normal(random, p.shape(), 0.5, 0.5));
    }
    return new GradCheck().check(in -> loss(factory, inputShape, phase, in, cotangent), points);
  }

  private static Tensor loss(
      Supplier<? extends BaseLayer<?>> factory,
      int[] inputShape,
      Phase phase,
      List<Tensor> in,
      Tensor cotangent) {
    BaseLayer<?> layer = built(factory, inputShape);
    List<Parameter> weights = layer.trainableWeights();
    for (int i = 0; i < weights.size(); i++) {
      weights.get(i).assign(in.get(i + 1));
    }
    Tensor loss = layer.call(in.get(0), phase).mul(cotangent).sum();
    if (NoGrad.isActive() || weights.isEmpty()) {
      return loss;
    }
    List<Tensor> grads = Gradients.ofParameters(loss, weights);
    for (int i = 0; i < weights.size(); i++) {
      Tensor link = in.get(i + 1).mul(grads.get(i)).sum();
      loss = loss.add(link).sub(link.detach());
    }
    return loss;
  }

  /** A float64 layer whose moving statistics (if any) hold values away from their defaults. */
  private static BaseLayer<?> built(Supplier<? extends BaseLayer<?>> factory, int[] inputShape) {
    BaseLayer<?> layer = factory.get().dtype(DType.FLOAT64);
    layer.build(inputShape, new SeededRandom(SEED));
    SeededRandom random = new SeededRandom(SEED + 1);
    for (Parameter p : layer.nonTrainableWeights()) {
      p.assign(normal(random, p.shape(), 1, 0.25).abs());
    }
    return layer;
  }

  private static Tensor normal(SeededRandom random, int[] shape, double mean, double stddev) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = mean + stddev * random.nextGaussian();
    }
    return Tensor.ofDouble(values, shape);
  }

  static int[] withBatch(int batch, int[] shape) {
    int[] full = new int[shape.length + 1];
    full[0] = batch;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return full;
  }
}
