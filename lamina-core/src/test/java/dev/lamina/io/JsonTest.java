package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void roundTripsNestedValues() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "dense \"1\"\n");
    value.put("units", 512L);
    value.put("rate", 0.25);
    value.put("tiny", 1.0e-7);
    value.put("flags", List.of(true, false));
    value.put("none", null);
    value.put("nested", Map.of("shape", List.of(11L)));
    assertEquals(value, Json.parse(Json.write(value)));
    assertEquals("[11,3]", Json.write(new int[] {11, 3}));
  }

  @Test
  void rejectsMalformedTextWithTheOffset() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\": [1, 2,]}"));
    assertTrue(e.getMessage().contains("offset 12"), e.getMessage());
    assertThrows(JsonException.class, () -> Json.parse("{\"a\":1} x"));
    assertThrows(JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(JsonException.class, () -> Json.parse("\"unterminated"));
    assertThrows(JsonException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
    assertThrows(JsonException.class, () -> Json.parse("1e999"));
  }

  @Test
  void writesTheBytesLaminaFilesHaveAlwaysHad() {
    assertEquals(
        "{\"s\":\"\\u0001\\u0008\\u000c\\n\\t\\\"\\\\/\"}",
        Json.write(Map.of("s", "\u0001\b\f\n\t\"\\/")));
    assertEquals("[0.10000000149011612,1.0E-7,3,-2]", Json.write(List.of(0.1f, 1.0e-7, 3, -2L)));
    assertEquals("{\"a\":1,\"b\":2}", Json.write(Map.of("b", 2, "a", 1)));
  }

  @Test
  void boundsWhatAnUntrustedFileCanAskFor() {
    JsonException e =
        assertThrows(
            JsonException.class, () -> Json.parse("{\n  \"a\": 1" + "0".repeat(100) + "}"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(JsonException.class, () -> Json.parse("\"" + "x".repeat((16 << 20) + 1) + "\""));
    assertThrows(JsonException.class, () -> Json.write(Double.NaN));
  }
}
