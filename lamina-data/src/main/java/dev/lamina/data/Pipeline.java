package dev.lamina.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Transformers applied one after the other: each step is fitted on the output of the previous
 * one, as scikit-learn's Pipeline (without a final estimator).
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

  @Override
  public Pipeline fit(Table table) {
    fitTransform(table);
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
  public ObjectNode toJson() {
    ObjectNode json = TransformerJson.object("Pipeline");
    ArrayNode array = json.putArray("steps");
    for (Transformer step : steps) {
      array.add(step.toJson());
    }
    return json;
  }

  static Pipeline fromJson(JsonNode json) {
    List<Transformer> steps = new ArrayList<>();
    for (JsonNode step : TransformerJson.required(json, "steps")) {
      steps.add(TransformerJson.fromJson(step));
    }
    return new Pipeline(steps);
  }
}
