package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnDictionaryTest {

  private static int intern(ColumnDictionary dictionary, String text) {
    char[] padded = ("##" + text + "#").toCharArray();
    return dictionary.intern(padded, 2, text.length());
  }

  @Test
  void textsWithEqualHashCodesGetTheirOwnIds() {
    ColumnDictionary dictionary = new ColumnDictionary(Set.of("NA"));
    String[] colliding = {
      "Aa", "BB", "AaAa", "BBBB", "AaAaAa", "BBBBBB", "AaBBAaBBAa", "BBAaBBAaBB"
    };
    assertEquals("AaAaAa".hashCode(), "BBBBBB".hashCode());
    for (int i = 0; i < colliding.length; i += 2) {
      int first = intern(dictionary, colliding[i]);
      int second = intern(dictionary, colliding[i + 1]);
      assertNotEquals(first, second, colliding[i]);
      assertEquals(first, intern(dictionary, colliding[i]));
      assertEquals(colliding[i + 1], dictionary.text(second));
    }
  }

  @Test
  void packedShortTextsStayDistinctAcrossLengthsAndCharacterSets() {
    ColumnDictionary dictionary = new ColumnDictionary(Set.of());
    String[] texts = {
      "",
      "a",
      "a\u0000",
      "\u0000a",
      "1234567",
      "12345678",
      "caf\u00e9",
      "\u20ac",
      "\u20ac1",
      "1\u20ac",
      "abcdefg",
      "abcdefh"
    };
    Map<String, Integer> ids = new HashMap<>();
    for (int round = 0; round < 3; round++) {
      for (String text : texts) {
        int id = intern(dictionary, text);
        assertEquals(ids.computeIfAbsent(text, key -> id), id, text);
        assertEquals(text, dictionary.text(id));
      }
    }
    assertEquals(texts.length, new java.util.HashSet<>(ids.values()).size());
  }

  @Test
  void manyRandomTextsKeepOneIdEachThroughRehashing() {
    ColumnDictionary dictionary = new ColumnDictionary(Set.of("NA"));
    Map<String, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      String text = Long.toString(random.nextLong(3_000_000_000L), 2 + random.nextInt(35));
      int id = intern(dictionary, text);
      assertEquals(expected.computeIfAbsent(text, key -> id), id, text);
      assertEquals(text, dictionary.text(id));
    }
  }

  @Test
  void eachTextIsParsedOnce() {
    ColumnDictionary dictionary = new ColumnDictionary(Set.of("NA"));
    int number = intern(dictionary, "2.50");
    assertTrue(dictionary.isNumber(number));
    assertEquals(2.5, dictionary.number(number));
    assertFalse(dictionary.hasNonNumber());
    assertEquals(-1, intern(dictionary, "NA"));
    assertEquals(-1, intern(dictionary, "NA"));
    assertFalse(dictionary.hasNonNumber(), "a missing marker is not a text value");
    assertFalse(dictionary.isNumber(intern(dictionary, "7/1/2015")));
    assertTrue(dictionary.hasNonNumber());
  }
}
