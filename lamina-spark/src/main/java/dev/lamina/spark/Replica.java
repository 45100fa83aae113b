package dev.lamina.spark;

import dev.lamina.DistributedTraining;
import dev.lamina.Sequential;
import java.util.List;

/** An executor's copy of the model being trained, with the arrays behind its trainable weights. */
record Replica(Sequential model, List<float[]> arrays) {

  static Replica of(byte[] modelBytes) {
    Sequential model = ModelBytes.load(modelBytes);
    return new Replica(model, DistributedTraining.trainableArrays(model));
  }

  void setWeights(float[] flat) {
    FlatArrays.copyInto(flat, arrays);
  }
}
