package dev.lamina.data;

import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Transformers applied one after the other: each step is fitted on the output of the previous one,
 * as scikit-learn's Pipeline (without a final estimator).
 */
public final class Pipeline implements Transformer {
  private final List<Transformer> steps;

  public Pipeline(Transformer... steps) {
    this(List.of(steps));
  }

  public Pipeline(List<Transformer> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("Pipeline: needs at least one step");
    }
    this.steps = List.copyOf(steps);
  }

  /**
   * Fits each step on the output of the one before; the last step's own output is not needed, so it
   * is only fitted (scikit-learn's Pipeline.fit does the same).
   */
  @Override
  public Pipeline fit(Table table) {
    Table current = table;
    for (Transformer step : steps.subList(0, steps.size() - 1)) {
      current = step.fitTransform(current);
    }
    steps.get(steps.size() - 1).fit(current);
    return this;
  }

  @Override
  public Table fitTransform(Table table) {
    Table current = table;
    for (Transformer step : steps) {
      current = step.fitTransform(current);
    }
    return current;
  }

  @Override
  public Table transform(Table table) {
    Table current = table;
    for (Transformer step : steps) {
      current = step.transform(current);
    }
    return current;
  }

  public List<Transformer> steps() {
    return steps;
  }

  @Override
  public boolean isFitted() {
    return steps.stream().allMatch(Transformer::isFitted);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object("Pipeline");
    List<Map<String, Object>> array = new ArrayList<>();
    for (Transformer step : steps) {
      array.add(step.toJson());
    }
    json.put("steps", array);
    return json;
  }

  static Pipeline fromJson(Map<String, ?> json) {
    List<Transformer> steps = new ArrayList<>();
    for (Object step : JsonFields.list(json, "steps")) {
      steps.add(TransformerJson.fromJson(JsonFields.object(step, "a Pipeline step")));
    }
    return new Pipeline(steps);
  }
}
