package dev.lamina;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for test fixtures: objects become maps, arrays lists, numbers doubles
 * (including Python's NaN and Infinity), so the core needs no JSON library.
 */
public final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  public static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.skipSpace();
    if (json.pos != text.length()) {
      throw json.error("trailing text");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      default:
        return literal();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == '}') {
      pos++;
      return map;
    }
    do {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
    } while (text.charAt(pos++) == ',');
    if (text.charAt(pos - 1) != '}') {
      throw error("expected , or }");
    }
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == ']') {
      pos++;
      return list;
    }
    do {
      list.add(value());
      skipSpace();
    } while (text.charAt(pos++) == ',');
    if (text.charAt(pos - 1) != ']') {
      throw error("expected , or ]");
    }
    return list;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    for (char c = text.charAt(pos++); c != '"'; c = text.charAt(pos++)) {
      if (c == '\\') {
        char escaped = text.charAt(pos++);
        if (escaped == 'u') {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        } else {
          out.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private Object literal() {
    int start = pos;
    while (pos < text.length() && ",}] \n\r\t".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String word = text.substring(start, pos);
    switch (word) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return null;
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(word);
        } catch (NumberFormatException e) {
          throw error("unexpected '" + word + "'");
        }
    }
  }

  private void expect(char c) {
    if (text.charAt(pos) != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON at offset " + pos + ": " + what);
  }
}
