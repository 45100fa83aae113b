package dev.lamina.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Every Lamina JSON file (model files, configs, fitted transformers) goes through here, read and
 * written with Jackson's streaming API: objects become insertion-ordered maps, arrays lists,
 * integers Long, other numbers Double. Model files are untrusted input, so reading is strict (no
 * duplicate keys, nothing after the value, no NaN) and bounded in nesting depth, string, number and
 * document length; every error names the line, column and offset.
 */
public final class Json {
  private static final int MAX_DEPTH = 64;
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(16 << 20)
                  .maxNumberLength(64)
                  .maxDocumentLength(64L << 20) // model files cap their entries at 64 MiB
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .characterEscapes(new ShortEscapes())
          .build();

  private Json() {}

  /** Parses one JSON value; throws {@link JsonException} on anything malformed or trailing. */
  public static Object parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      try {
        if (parser.nextToken() == null) {
          throw new JsonException("no JSON value (empty text) at offset 0");
        }
        Object value = value(parser);
        if (parser.nextToken() != null) {
          throw error("unexpected text after the value", parser.currentTokenLocation());
        }
        return value;
      } catch (JsonProcessingException e) {
        // A broken limit carries no location of its own; the parser knows where it stopped.
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw error(e.getOriginalMessage(), where, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked") // value() makes every object a Map<String, Object>
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object at offset 0");
    }
    return (Map<String, Object>) value;
  }

  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, value(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return finite(parser);
        }
        return parser.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return finite(parser);
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw error("unexpected " + token, parser.currentTokenLocation());
    }
  }

  private static Double finite(JsonParser parser) throws IOException {
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw error("number out of range: " + parser.getText(), parser.currentTokenLocation());
    }
    return value;
  }

  private static JsonException error(String message, JsonLocation where) {
    return error(message, where, null);
  }

  private static JsonException error(String message, JsonLocation where, Throwable cause) {
    String place =
        where == null
            ? ""
            : " at line "
                + where.getLineNr()
                + ", column "
                + where.getColumnNr()
                + " (offset "
                + where.getCharOffset()
                + ")";
    JsonException e = new JsonException(message + place);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** Writes maps, iterables, arrays of numbers, strings, numbers, booleans and null. */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(value, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(Object value, JsonGenerator out) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      // Every other number as a double, so a float weighs in with all of its double's digits.
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new JsonException("cannot write the non-finite number " + d);
      }
      out.writeNumber(d);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> e : inStableOrder(map)) {
        out.writeFieldName(String.valueOf(e.getKey()));
        write(e.getValue(), out);
      }
      out.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(item, out);
      }
      out.writeEndArray();
    } else if (value instanceof int[] ints) {
      write(java.util.Arrays.stream(ints).boxed().toList(), out);
    } else if (value instanceof long[] longs) {
      write(java.util.Arrays.stream(longs).boxed().toList(), out);
    } else if (value instanceof double[] doubles) {
      write(java.util.Arrays.stream(doubles).boxed().toList(), out);
    } else {
      throw new JsonException("cannot write a " + value.getClass().getSimpleName() + " as JSON");
    }
  }

  /**
   * A map's entries in the order it keeps, or sorted by key for a map that keeps none (Map.of and
   * HashMap iterate in an order that can change from one JVM to the next), so the same values
   * always give the same bytes.
   */
  private static Iterable<? extends Map.Entry<?, ?>> inStableOrder(Map<?, ?> map) {
    if (map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?> || map.size() < 2) {
      return map.entrySet();
    }
    return map.entrySet().stream()
        .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
        .toList();
  }

  /**
   * The escapes Lamina's files have always used: {@code \"}, {@code \\}, {@code \n}, {@code \r} and
   * {@code \t}, every other control character as a lower-case backslash-u escape, so files written
   * before Jackson took over come out byte for byte the same.
   */
  private static final class ShortEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = asciiEscapes();

    private static int[] asciiEscapes() {
      int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      for (int c = 0; c < 0x20; c++) {
        if (c != '\n' && c != '\r' && c != '\t') {
          escapes[c] = CharacterEscapes.ESCAPE_CUSTOM;
        }
      }
      return escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return new SerializedString(String.format("\\u%04x", c));
    }
  }
}
