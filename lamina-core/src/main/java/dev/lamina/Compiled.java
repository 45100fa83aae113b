package dev.lamina;

import dev.lamina.losses.Loss;
import dev.lamina.metrics.Metric;
import dev.lamina.metrics.Metrics;
import dev.lamina.optimizers.Optimizer;
import java.util.List;

/**
 * What compile set: the optimizer, the loss and the metric names (resolved once shapes are known).
 */
record Compiled(Optimizer optimizer, Loss loss, List<String> metricNames) {

  /** Fresh metric objects for targets and predictions with these per-sample widths. */
  List<Metric> newMetrics(int trueCols, int predCols) {
    return metricNames.stream().map(n -> Metrics.get(n, trueCols, predCols)).toList();
  }
}
