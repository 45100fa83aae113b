package dev.lamina;

import dev.lamina.layers.Phase;
import dev.lamina.metrics.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loss and metrics of a compiled model on data, in inference mode (Keras's evaluate). */
final class Evaluator {
  private final Sequential model;
  private final Compiled compiled;

  Evaluator(Sequential model, Compiled compiled) {
    this.model = model;
    this.compiled = compiled;
  }

  /** {@code loss} then each metric in compile order. */
  Map<String, Double> evaluate(Tensor x, Tensor y, Tensor sampleWeight, int batchSize) {
    Rows.requireSameRows("evaluate", x, y, "y");
    model.checkInput("evaluate", x);
    int rows = x.shape()[0];
    int trueCols = (int) (y.size() / Math.max(1, rows));
    int predCols = product(model.outputShape());
    List<Metric> metrics = compiled.newMetrics(trueCols, predCols);
    double lossSum = 0;
    try (NoGrad scope = NoGrad.enter()) {
      Tensor penalty = model.regularization();
      double regularization = penalty == null ? 0 : penalty.item();
      for (int start = 0; start < rows; start += batchSize) {
        int end = Math.min(rows, start + batchSize);
        Tensor xb = x.slice(0, start, end);
        Tensor yb = y.slice(0, start, end);
        Tensor wb = sampleWeight == null ? null : sampleWeight.slice(0, start, end);
        Tensor pred = model.forward(xb, Phase.INFERENCE);
        double loss = compiled.loss().compute(yb, pred, wb).item() + regularization;
        lossSum += loss * (end - start);
        // as in Keras, sample weights scale the loss, not the compiled metrics
        for (Metric m : metrics) {
          m.update(Rows.floats(yb), trueCols, Rows.floats(pred), predCols, null, end - start);
        }
      }
    }
    Map<String, Double> results = new LinkedHashMap<>();
    results.put("loss", rows == 0 ? 0.0 : lossSum / rows);
    metrics.forEach(m -> results.put(m.name(), m.result()));
    return results;
  }

  static int product(int[] shape) {
    int p = 1;
    for (int d : shape) {
      p *= d;
    }
    return p;
  }
}
