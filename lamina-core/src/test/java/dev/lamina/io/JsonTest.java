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
}
