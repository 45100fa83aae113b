package dev.lamina.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.FitOptions;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.layers.AveragePooling2D;
import dev.lamina.layers.Conv1D;
import dev.lamina.layers.Conv2D;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Flatten;
import dev.lamina.layers.GlobalAveragePooling1D;
import dev.lamina.layers.GlobalAveragePooling2D;
import dev.lamina.layers.GlobalMaxPooling1D;
import dev.lamina.layers.GlobalMaxPooling2D;
import dev.lamina.layers.L2;
import dev.lamina.layers.MaxPooling2D;
import dev.lamina.layers.RandomFlip;
import dev.lamina.layers.RandomTranslation;
import dev.lamina.layers.RandomZoom;
import dev.lamina.layers.Reshape;
import dev.lamina.losses.Losses;
import dev.lamina.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convolutional models through Keras files: a Keras CNN file survives Lamina → .keras bit for bit,
 * and a Lamina-trained CNN with every image layer is saved as .keras, with its input and
 * predictions beside it, in target/keras-export for tools/keras/check_keras_loads_lamina.py to load
 * in Keras 3.
 */
class KerasCnnExportTest {
  @TempDir Path dir;

  @Test
  void kerasCnnFileThroughLaminaKeepsEveryBit() {
    for (String name : List.of("cnn_2d.keras", "cnn_1d.h5", "cnn_global.keras")) {
      Sequential original = Sequential.load(KerasFixtures.golden(name));
      Path copy = dir.resolve("copy.keras");
      original.save(copy);
      Sequential reloaded = Sequential.load(copy);
      KerasRoundTripTest.assertBitsEqual(original.getWeights(), reloaded.getWeights());
      assertEquals(original.summary(), reloaded.summary(), name);
    }
  }

  @Test
  void laminaTrainedCnnExportsForKeras() throws IOException {
    Path out = Path.of("target/keras-export");
    Files.createDirectories(out);
    Sequential images = imageModel();
    Tensor x = Tensor.randomNormal(8, 0, 1, 4, 16, 14, 3);
    export(images, x, out.resolve("cnn_lamina.keras"));
    Sequential sequences =
        new Sequential(
                new Conv1D(6, 3, "relu").strides(2).padding("same").inputShape(20, 4),
                new Conv1D(5, 3, "elu").dilationRate(2),
                new GlobalMaxPooling1D().keepDims(true),
                new Conv1D(3, 1),
                new GlobalAveragePooling1D(),
                new Dense(2))
            .seed(5);
    train(sequences, 20, 4);
    export(sequences, Tensor.randomNormal(9, 0, 1, 4, 20, 4), out.resolve("cnn1d_lamina.keras"));
  }

  /** Every two-dimensional image layer Lamina writes as Keras, trained a little with Adam. */
  static Sequential imageModel() {
    Sequential model =
        new Sequential(
                new RandomFlip("horizontal").inputShape(16, 14, 3),
                new RandomTranslation(0.1, 0.2).fillMode("nearest"),
                new RandomZoom(new double[] {-0.2, 0.1}, null).interpolation("nearest"),
                new Conv2D(6, 3, "relu").padding("same").kernelRegularizer(new L2(1e-3)),
                new MaxPooling2D(2),
                new Conv2D(8, new int[] {3, 2}, "tanh").strides(2),
                new AveragePooling2D(2).strides(1).padding("same"),
                new Conv2D(5, 2).dilationRate(2).useBias(false),
                new GlobalAveragePooling2D().keepDims(true),
                new Conv2D(4, 1),
                new GlobalMaxPooling2D(),
                new Reshape(2, 2),
                new Flatten(),
                new Dropout(0.25),
                new Dense(3, "softmax"))
            .seed(17);
    train(model, 16, 14, 3);
    return model;
  }

  private static void train(Sequential model, int... sampleShape) {
    int rows = 16;
    int[] shape = new int[sampleShape.length + 1];
    shape[0] = rows;
    System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
    int classes = model.outputShape()[model.outputShape().length - 1];
    float[] labels = new float[rows * classes];
    for (int i = 0; i < rows; i++) {
      labels[i * classes + i % classes] = 1;
    }
    model.compile(new Adam(1e-2), Losses.get(classes > 2 ? "categorical_crossentropy" : "mse"));
    model.fit(
        Tensor.randomNormal(1, 0, 1, shape),
        Tensor.of(labels, rows, classes),
        new FitOptions().batchSize(8).epochs(2).verbose(0));
  }

  private static void export(Sequential model, Tensor x, Path file) throws IOException {
    model.save(file);
    Tensor predictions = model.predict(x);
    KerasRoundTripTest.assertBitsEqual(
        List.of(predictions), List.of(Sequential.load(file).predict(x)));
    String json =
        new ObjectMapper()
            .writeValueAsString(Map.of("input", nested(x), "output", predictions.toArray2d()));
    Files.writeString(
        file.resolveSibling(file.getFileName().toString().replace(".keras", ".json")), json);
  }

  /** The values of {@code t} as nested lists, one level per axis. */
  private static Object nested(Tensor t) {
    float[] values = t.toFloatArray();
    return nested(values, t.shape(), 0, 0);
  }

  private static Object nested(float[] values, int[] shape, int axis, int offset) {
    int stride = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      stride *= shape[i];
    }
    java.util.List<Object> list = new java.util.ArrayList<>();
    for (int i = 0; i < shape[axis]; i++) {
      list.add(
          axis == shape.length - 1
              ? (Object) values[offset + i]
              : nested(values, shape, axis + 1, offset + i * stride));
    }
    return list;
  }
}
