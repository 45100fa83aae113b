package dev.lamina.keras;

import dev.lamina.Parameter;
import dev.lamina.layers.Layer;
import dev.lamina.layers.Normalization;
import dev.lamina.optimizers.GradientOptimizer;
import dev.lamina.optimizers.Optimizer;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code model.weights.h5} as Keras 3 lays it out: {@code layers/<slot>/vars/<i>} with the
 * slot named by the layer's class and a per-class counter ({@code dense}, {@code dense_1}, …),
 * {@code optimizer/vars/<i>} (iterations, learning rate, then momentum and velocity per trainable
 * variable, interleaved); each {@code vars} group carries its owner's name. Layers without weights
 * get no group (as Keras 3 before 3.10 wrote them; jHDF 0.10 cannot write empty groups that read
 * back).
 */
final class KerasWeightsWriter {
  private KerasWeightsWriter() {}

  static byte[] write(KerasModel model) throws IOException {
    Path temporary = Files.createTempFile("lamina-keras-", ".h5");
    try {
      try (WritableHdfFile h5 = HdfFile.write(temporary)) {
        WritableGroup layers = h5.putGroup("layers");
        Map<String, Integer> used = new HashMap<>();
        List<Parameter> trainable = new ArrayList<>();
        for (Layer layer : model.layers()) {
          String base = KerasObjects.snakeCase(layer.className());
          int count = used.merge(base, 1, Integer::sum);
          List<Parameter> weights = layer.weights();
          if (weights.isEmpty()) {
            continue; // Keras loads a layer without variables from no group at all
          }
          WritableGroup vars =
              layers.putGroup(count == 1 ? base : base + "_" + (count - 1)).putGroup("vars");
          vars.putAttribute("name", layer.name());
          for (int i = 0; i < weights.size(); i++) {
            vars.putDataset(String.valueOf(i), array(layer, weights.get(i)));
          }
          if (layer.isTrainable()) {
            trainable.addAll(layer.trainableWeights());
          }
        }
        if (model.isCompiled()) {
          writeOptimizer(h5.putGroup("optimizer").putGroup("vars"), model.optimizer(), trainable);
        }
      }
      return Files.readAllBytes(temporary);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A weight as an array of its own rank; Normalization's count is Keras's int64 scalar. */
  private static Object array(Layer layer, Parameter weight) {
    float[] values = weight.value().toFloatArray();
    int[] shape = weight.shape();
    if (layer instanceof Normalization && shape.length == 0) {
      return (long) values[0];
    }
    return shaped(values, shape);
  }

  private static Object shaped(float[] values, int[] shape) {
    if (shape.length == 0) {
      return values[0];
    }
    if (shape.length == 1) {
      return values;
    }
    Object array = java.lang.reflect.Array.newInstance(float.class, shape);
    fill(array, values, shape, 0, 0);
    return array;
  }

  private static int fill(Object array, float[] values, int[] shape, int axis, int offset) {
    if (axis == shape.length - 1) {
      System.arraycopy(values, offset, array, 0, shape[axis]);
      return offset + shape[axis];
    }
    for (int i = 0; i < shape[axis]; i++) {
      offset = fill(java.lang.reflect.Array.get(array, i), values, shape, axis + 1, offset);
    }
    return offset;
  }

  private static void writeOptimizer(
      WritableGroup vars, Optimizer optimizer, List<Parameter> trainable) {
    vars.putAttribute("name", optimizer.name());
    vars.putDataset("0", optimizer.iterations());
    vars.putDataset("1", (float) optimizer.learningRate());
    if (!(optimizer instanceof GradientOptimizer<?> gradient)) {
      return;
    }
    int perVariable = gradient.slotsPerVariableCount();
    List<float[][]> slots = gradient.slotValues();
    for (int v = 0; v < trainable.size(); v++) {
      for (int k = 0; k < perVariable; k++) {
        int[] shape = trainable.get(v).shape();
        float[] values =
            slots.isEmpty()
                ? new float[trainable.get(v).value().toFloatArray().length]
                : slots.get(v)[k];
        int index = 2 + KerasOptimizerState.interleaved(v, k, perVariable, trainable.size());
        vars.putDataset(String.valueOf(index), shaped(values, shape));
      }
    }
  }
}
