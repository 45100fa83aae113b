package dev.lamina.layers;

import dev.lamina.constraints.MaxNorm;
import dev.lamina.constraints.NonNeg;
import dev.lamina.constraints.UnitNorm;
import dev.lamina.layers.example.Residual;
import dev.lamina.layers.example.ScaledTanh;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One sample of every built-in layer (and the documented custom example), with the input shape it
 * is swept on and what the contract test expects of it.
 *
 * @param description shown in the test name
 * @param factory makes a fresh, unbuilt layer
 * @param inputShape without the batch axis
 * @param params total weight elements once built
 * @param trainableParams the trainable share of {@code params}
 * @param phasesDiffer whether training and inference give different outputs
 */
record SampleLayers(
    String description,
    Supplier<BaseLayer<?>> factory,
    int[] inputShape,
    long params,
    long trainableParams,
    boolean phasesDiffer) {

  @Override
  public String toString() {
    return description;
  }

  static List<SampleLayers> all() {
    List<SampleLayers> samples = new ArrayList<>();
    samples.add(same("Dense(4)", () -> new Dense(4), new int[] {3}, 16));
    samples.add(
        same(
            "Dense(4, relu) without bias",
            () -> new Dense(4, "relu").useBias(false),
            new int[] {3},
            12));
    samples.add(same("Dense(3, tanh) on rank 3", () -> new Dense(3, "tanh"), new int[] {2, 5}, 18));
    samples.add(
        same(
            "Dense(2, softmax) regularized",
            () -> new Dense(2, "softmax").kernelRegularizer(new L2(0.01)).biasRegularizer(new L1()),
            new int[] {3},
            8));
    for (String name : ActivationFunctions.names()) {
      samples.add(same("Activation(" + name + ")", () -> new Activation(name), new int[] {5}, 0));
    }
    samples.add(same("LeakyReLU()", LeakyReLU::new, new int[] {4}, 0));
    samples.add(same("LeakyReLU(0.1)", () -> new LeakyReLU(0.1), new int[] {4}, 0));
    samples.add(same("Softmax()", Softmax::new, new int[] {4}, 0));
    samples.add(same("Softmax(1) on rank 3", () -> new Softmax(1), new int[] {3, 2}, 0));
    samples.add(same("Flatten on rank 3", Flatten::new, new int[] {2, 3}, 0));
    samples.add(same("ReLU()", ReLU::new, new int[] {4}, 0));
    samples.add(
        same(
            "ReLU(max 0.5, slope 0.1)",
            () -> new ReLU().maxValue(0.5).negativeSlope(0.1),
            new int[] {4},
            0));
    samples.add(same("ELU(0.5)", () -> new ELU(0.5), new int[] {4}, 0));
    samples.add(same("Reshape(3, -1)", () -> new Reshape(3, -1), new int[] {2, 3}, 0));
    samples.add(
        new SampleLayers("Normalization()", Normalization::new, new int[] {4}, 9, 0, false));
    samples.add(
        new SampleLayers(
            "Normalization(mean, variance) given",
            () -> new Normalization(new double[] {1, -2, 0, 3}, new double[] {1, 4, 0.25, 9}),
            new int[] {4},
            0,
            0,
            false));
    samples.add(
        same(
            "Dense(3) constrained",
            () ->
                new Dense(3)
                    .kernelConstraint(new MaxNorm(1.5, List.of(0)))
                    .biasConstraint(new NonNeg()),
            new int[] {4},
            15));
    samples.add(
        same(
            "Conv2D(2, 2) unit-norm filters",
            () -> new Conv2D(2, 2).kernelConstraint(new UnitNorm(List.of(0, 1, 2))),
            new int[] {3, 3, 2},
            18));
    samples.add(same("Dense(3) frozen", () -> new Dense(3).trainable(false), new int[] {4}, 15));
    samples.add(same("Input(5)", () -> new Input(5), new int[] {5}, 0));
    samples.add(
        new SampleLayers("Dropout(0.5)", () -> new Dropout(0.5), new int[] {6}, 0, 0, true));
    samples.add(same("Dropout(0)", () -> new Dropout(0), new int[] {6}, 0));
    samples.add(
        new SampleLayers(
            "BatchNormalization()", BatchNormalization::new, new int[] {4}, 16, 8, true));
    samples.add(
        new SampleLayers(
            "BatchNormalization without center on rank 3",
            () -> new BatchNormalization().center(false).momentum(0.5),
            new int[] {2, 3},
            9,
            3,
            true));
    samples.add(
        same("Conv2D(2, 3, relu)", () -> new Conv2D(2, 3, "relu"), new int[] {5, 4, 3}, 56));
    samples.add(
        same(
            "Conv2D(3, 3x2, tanh) strides 2 same",
            () -> new Conv2D(3, new int[] {3, 2}, "tanh").strides(2).padding("same"),
            new int[] {5, 6, 2},
            39));
    samples.add(
        same(
            "Conv2D(2, 2) dilation 2 without bias, one channel",
            () -> new Conv2D(2, 2).dilationRate(2).useBias(false),
            new int[] {5, 5, 1},
            8));
    samples.add(
        same(
            "Conv1D(3, 2, relu) strides 2",
            () -> new Conv1D(3, 2, "relu").strides(2),
            new int[] {7, 2},
            15));
    samples.add(
        same(
            "Conv1D(2, 3) same dilation 2",
            () -> new Conv1D(2, 3).padding("same").dilationRate(2),
            new int[] {6, 3},
            20));
    samples.add(same("MaxPooling2D(2)", () -> new MaxPooling2D(2), new int[] {5, 4, 3}, 0));
    samples.add(
        same(
            "MaxPooling2D(3, 2) strides 1 same",
            () -> new MaxPooling2D(3, 2).strides(1).padding("same"),
            new int[] {4, 5, 2},
            0));
    samples.add(
        same(
            "AveragePooling2D(2) same",
            () -> new AveragePooling2D(2).padding("same"),
            new int[] {5, 3, 2},
            0));
    samples.add(
        same("GlobalAveragePooling2D", GlobalAveragePooling2D::new, new int[] {3, 4, 2}, 0));
    samples.add(
        same(
            "GlobalMaxPooling2D keepdims",
            () -> new GlobalMaxPooling2D().keepDims(true),
            new int[] {3, 4, 2},
            0));
    samples.add(same("GlobalAveragePooling1D", GlobalAveragePooling1D::new, new int[] {5, 3}, 0));
    samples.add(same("GlobalMaxPooling1D", GlobalMaxPooling1D::new, new int[] {5, 3}, 0));
    samples.add(
        new SampleLayers(
            "RandomFlip()", () -> new RandomFlip().seed(3), new int[] {4, 5, 2}, 0, 0, true));
    samples.add(
        new SampleLayers(
            "RandomFlip(horizontal)",
            () -> new RandomFlip("horizontal"),
            new int[] {3, 3, 1},
            0,
            0,
            true));
    samples.add(
        new SampleLayers(
            "RandomTranslation(0.3, 0.2)",
            () -> new RandomTranslation(0.3, 0.2).seed(3),
            new int[] {4, 5, 2},
            0,
            0,
            true));
    samples.add(
        new SampleLayers(
            "RandomTranslation wrap nearest",
            () ->
                new RandomTranslation(new double[] {-0.5, 0.5}, new double[] {0.4})
                    .fillMode("wrap")
                    .interpolation("nearest"),
            new int[] {5, 4, 1},
            0,
            0,
            true));
    samples.add(
        new SampleLayers(
            "RandomZoom(0.4) constant",
            () -> new RandomZoom(0.4).fillMode("constant").fillValue(0.5).seed(2),
            new int[] {5, 4, 2},
            0,
            0,
            true));
    samples.add(
        new SampleLayers(
            "RandomZoom((-0.3, 0.2), 0.5) nearest fill",
            () -> new RandomZoom(new double[] {-0.3, 0.2}, new double[] {0.5}).fillMode("nearest"),
            new int[] {4, 6, 1},
            0,
            0,
            true));
    samples.add(same("Residual(tanh) (custom)", () -> new Residual("tanh"), new int[] {3}, 12));
    samples.add(same("ScaledTanh (custom)", ScaledTanh::new, new int[] {4}, 1));
    return samples;
  }

  private static SampleLayers same(
      String description, Supplier<BaseLayer<?>> factory, int[] inputShape, long params) {
    return new SampleLayers(description, factory, inputShape, params, params, false);
  }
}
