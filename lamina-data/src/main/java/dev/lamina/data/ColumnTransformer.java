package dev.lamina.data;

import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a transformer to each list of columns and puts the outputs side by side, as
 * scikit-learn's ColumnTransformer. Output features are named {@code name__feature}, e.g. {@code
 * num__lead_time} or {@code cat__hotel_City Hotel}; columns in no list are dropped, or with {@link
 * Remainder#PASSTHROUGH} kept unchanged as {@code remainder__column}.
 *
 * <p>{@code transform} ignores columns it does not use (such as the target), so the same fitted
 * transformer serves whole CSV rows.
 */
public final class ColumnTransformer implements Transformer {
  private static final String NAME = "ColumnTransformer";

  /** An empty column transformer; {@link #add} gives it its entries. */
  public ColumnTransformer() {}

  /** What happens to the columns that no transformer lists. */
  public enum Remainder {
    DROP,
    PASSTHROUGH
  }

  /** One transformer with the columns it receives. */
  public record Entry(String name, Transformer transformer, List<String> columns) {
    public Entry {
      if (name.isEmpty() || name.contains("__")) {
        throw new IllegalArgumentException(
            NAME + ": entry name must be non-empty without \"__\", got '" + name + "'");
      }
      columns = List.copyOf(columns);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private Remainder remainder = Remainder.DROP;
  private List<String> remainderColumns;
  private List<String> featureNames;

  /** Adds a transformer for the named columns; names must be unique per column transformer. */
  public ColumnTransformer add(String name, Transformer transformer, String... columns) {
    return add(name, transformer, List.of(columns));
  }

  public ColumnTransformer add(String name, Transformer transformer, List<String> columns) {
    for (Entry entry : entries) {
      if (entry.name().equals(name)) {
        throw new IllegalArgumentException(NAME + ": the name '" + name + "' is already used");
      }
    }
    entries.add(new Entry(name, transformer, columns));
    featureNames = null;
    return this;
  }

  /** Columns in no list: dropped (default) or passed through unchanged. */
  public ColumnTransformer remainder(Remainder newRemainder) {
    this.remainder = newRemainder;
    featureNames = null;
    return this;
  }

  @Override
  public ColumnTransformer fit(Table table) {
    fitTransform(table);
    return this;
  }

  @Override
  public Table fitTransform(Table table) {
    if (entries.isEmpty()) {
      throw new IllegalStateException(NAME + ": add at least one transformer before fit");
    }
    Set<String> listed = new HashSet<>();
    List<Table> parts = new ArrayList<>();
    for (Entry entry : entries) {
      listed.addAll(entry.columns());
      Table output = entry.transformer().fitTransform(table.select(entry.columns()));
      parts.add(prefixed(entry.name(), output));
    }
    List<String> rest = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (!listed.contains(name)) {
        rest.add(name);
      }
    }
    remainderColumns = remainder == Remainder.PASSTHROUGH ? List.copyOf(rest) : List.of();
    Table result = joined(parts, table);
    featureNames = result.columnNames();
    return result;
  }

  @Override
  public Table transform(Table table) {
    FittedColumns.require(featureNames, NAME);
    List<Table> parts = new ArrayList<>();
    for (Entry entry : entries) {
      Table output = entry.transformer().transform(table.select(entry.columns()));
      parts.add(prefixed(entry.name(), output));
    }
    return joined(parts, table);
  }

  private Table joined(List<Table> parts, Table table) {
    Table result = Table.of();
    for (Table part : parts) {
      result = result.concatColumns(part);
    }
    if (!remainderColumns.isEmpty()) {
      result = result.concatColumns(prefixed("remainder", table.select(remainderColumns)));
    }
    return result.withSource(table.source());
  }

  private static Table prefixed(String prefix, Table table) {
    List<Column> renamed = new ArrayList<>();
    for (Column column : table.columns()) {
      renamed.add(column.renamed(prefix + "__" + column.name()));
    }
    return Table.of(renamed);
  }

  /** The output column names, known once fitted. */
  public List<String> featureNames() {
    return FittedColumns.require(featureNames, NAME);
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public boolean isFitted() {
    return featureNames != null;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("remainder", remainder.name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> array = new ArrayList<>();
    for (Entry entry : entries) {
      Map<String, Object> item = new LinkedHashMap<>();
      array.add(item);
      item.put("name", entry.name());
      item.put("columns", JsonFields.strings(entry.columns()));
      item.put("transformer", entry.transformer().toJson());
    }
    json.put("transformers", array);
    if (featureNames != null) {
      json.put("remainderColumns", JsonFields.strings(remainderColumns));
      json.put("featureNames", JsonFields.strings(featureNames));
    }
    return json;
  }

  static ColumnTransformer fromJson(Map<String, ?> json) {
    ColumnTransformer transformer =
        new ColumnTransformer()
            .remainder(
                Remainder.valueOf(
                    JsonFields.text(json, "remainder", "drop").toUpperCase(Locale.ROOT)));
    for (Object value : JsonFields.list(json, "transformers")) {
      Map<String, ?> item = JsonFields.object(value, NAME + "'s transformers entry");
      transformer.add(
          JsonFields.text(item, "name"),
          TransformerJson.fromJson(
              JsonFields.object(JsonFields.required(item, "transformer"), "transformer")),
          JsonFields.readStrings(item, "columns"));
    }
    if (json.containsKey("featureNames")) {
      transformer.remainderColumns = JsonFields.readStrings(json, "remainderColumns");
      transformer.featureNames = JsonFields.readStrings(json, "featureNames");
    }
    return transformer;
  }
}
