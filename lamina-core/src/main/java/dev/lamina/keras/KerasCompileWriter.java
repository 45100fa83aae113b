package dev.lamina.keras;

import dev.lamina.losses.Loss;
import dev.lamina.optimizers.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code compile_config} Keras 3 stores: the optimizer object, the loss and the metrics. */
final class KerasCompileWriter {
  private static final Map<String, String> OPTIMIZER_CLASSES =
      Map.of(
          "sgd", "SGD", "adam", "Adam", "adamw", "AdamW", "rmsprop", "RMSprop", "adagrad",
          "Adagrad");

  private KerasCompileWriter() {}

  static Map<String, Object> write(KerasModel model) {
    Map<String, Object> compile = new LinkedHashMap<>();
    compile.put("optimizer", optimizer(model.optimizer()));
    compile.put("loss", loss(model.loss()));
    compile.put("loss_weights", null);
    compile.put(
        "metrics",
        model.metrics().isEmpty()
            ? null
            : model.metrics().stream().map(KerasCompileWriter::metric).toList());
    compile.put("weighted_metrics", null);
    compile.put("run_eagerly", false);
    compile.put("steps_per_execution", 1);
    compile.put("jit_compile", false);
    return compile;
  }

  private static Map<String, Object> optimizer(Optimizer optimizer) {
    String className = OPTIMIZER_CLASSES.get(optimizer.name());
    if (className == null) {
      throw new IllegalArgumentException("optimizer '" + optimizer.name() + "' has no Keras class");
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", optimizer.name());
    config.put("learning_rate", optimizer.learningRate());
    config.putAll(optimizer.config());
    config.put("learning_rate", optimizer.learningRate());
    return KerasObjects.module("keras.optimizers", className, config);
  }

  /** The Keras name when the options are the defaults, else the loss object. */
  private static Object loss(Loss loss) {
    Map<String, Object> options = new LinkedHashMap<>(loss.config());
    boolean defaults =
        !Boolean.TRUE.equals(options.get("from_logits"))
            && (!(options.get("label_smoothing") instanceof Number n) || n.doubleValue() == 0)
            && !options.containsKey("delta");
    if (defaults) {
      return loss.name();
    }
    if (loss.name().startsWith("sparse")) {
      options.remove("label_smoothing"); // Keras's sparse loss has no such option
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", loss.name());
    config.put("reduction", "sum_over_batch_size");
    config.putAll(options);
    String className =
        loss.name().equals("huber_loss") ? "Huber" : KerasObjects.camelCase(loss.name());
    return KerasObjects.module("keras.losses", className, config);
  }

  private static String metric(String name) {
    return switch (name) {
      case "rmse" -> "root_mean_squared_error";
      default -> name;
    };
  }
}
