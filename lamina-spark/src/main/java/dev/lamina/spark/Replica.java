package dev.lamina.spark;

import dev.lamina.DistributedTraining;
import dev.lamina.Sequential;
import java.util.List;

/**
 * An executor's copy of the model being trained, with the arrays behind its trainable weights and
 * behind the state its layers update themselves (BatchNormalization's moving statistics).
 */
record Replica(Sequential model, List<float[]> arrays, List<float[]> state) {

  static Replica of(byte[] modelBytes) {
    Sequential model = ModelBytes.load(modelBytes);
    return new Replica(
        model, DistributedTraining.trainableArrays(model), DistributedTraining.stateArrays(model));
  }

  /**
   * Starts a round's work from the driver's weights and layer state, with the random draws of this
   * partition, epoch and step, whatever this replica ran before.
   */
  void start(RoundInput in, long drawKey) {
    FlatArrays.copyInto(in.weights(), arrays);
    FlatArrays.copyInto(in.state(), state);
    DistributedTraining.restartDraws(model, drawKey);
  }

  /** {@code scale}·(layer state now − the round's starting state), flat. */
  float[] stateChange(RoundInput in, float scale) {
    float[] now = FlatArrays.concat(state, new float[0]);
    for (int i = 0; i < now.length; i++) {
      now[i] = (now[i] - in.state()[i]) * scale;
    }
    return now;
  }
}
