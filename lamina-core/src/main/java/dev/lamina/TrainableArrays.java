package dev.lamina;

import dev.lamina.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainable variables' backing arrays, which the optimizer updates in place, and each step's
 * gradients beside them: float32 or float64, one type for the whole model, as its optimizer keeps
 * slots of one type.
 */
final class TrainableArrays {
  private final List<float[]> floats = new ArrayList<>();
  private final List<double[]> doubles = new ArrayList<>();
  private final List<float[]> floatGrads = new ArrayList<>();
  private final List<double[]> doubleGrads = new ArrayList<>();

  TrainableArrays(List<Parameter> params) {
    DType type = params.isEmpty() ? DType.FLOAT32 : params.get(0).value().dtype();
    for (Parameter p : params) {
      Tensor value = p.value();
      if (value.dtype() != type) {
        throw new IllegalArgumentException(
            "fit: variable "
                + p.name()
                + " is "
                + value.dtype()
                + " but "
                + params.get(0).name()
                + " is "
                + type
                + "; every trainable variable of a model needs the same dtype");
      }
      if (value.floats != null) {
        floats.add(value.floats);
      } else {
        doubles.add(value.doubles);
      }
    }
  }

  /** One optimizer update from the gradients of the variables, in their order. */
  void step(Optimizer optimizer, List<Tensor> grads) {
    if (doubles.isEmpty()) {
      floatGrads.clear();
      for (Tensor g : grads) {
        floatGrads.add(Rows.floats(g));
      }
      optimizer.step(floats, floatGrads);
    } else {
      doubleGrads.clear();
      for (Tensor g : grads) {
        doubleGrads.add(g.doubles != null ? g.doubles : g.to(DType.FLOAT64).doubles);
      }
      optimizer.stepFloat64(doubles, doubleGrads);
    }
  }
}
