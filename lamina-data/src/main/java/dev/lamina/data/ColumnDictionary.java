package dev.lamina.data;

import java.util.Arrays;
import java.util.Set;

/**
 * The distinct texts of one column within one chunk, each parsed as a number once. Cells are stored
 * as ids into this dictionary, so a column of repeated values (categories, small integers)
 * allocates one string per distinct value instead of one per cell, and the garbage collector has
 * little to copy.
 *
 * <p>Look-up is the hot loop of CSV reading. A text of up to seven Latin-1 characters packs exactly
 * into one long (characters, length and a flag bit), which serves as its own hash key in an
 * open-addressing table of longs, and the value found last is tried first (sorted data repeats
 * values). Longer texts go through a second table that compares String hash codes and then the
 * characters.
 *
 * <p>The tables start small and double, so a file of many columns costs little per column.
 */
final class ColumnDictionary {
  private static final int MAX_PACKED = 7;
  private static final long PACKED_FLAG = 1L << 63;
  private String[] texts = new String[8];
  private double[] numbers = new double[8];
  private boolean[] isNumber = new boolean[8];
  private boolean[] isMarker = new boolean[8];
  private int size;
  private boolean hasNonNumber;
  private final Set<String> missingMarkers;

  private long[] packedKeys = new long[16];
  private int[] packedIds = new int[16];
  private int packedCount;
  private long lastKey;
  private int lastId;

  private int[] hashedSlots = new int[16];
  private int[] hashes = new int[16];
  private int hashedCount;

  /**
   * @param missingMarkers texts that mean "missing"; {@link #intern} returns -1 for them
   */
  ColumnDictionary(Set<String> missingMarkers) {
    this.missingMarkers = missingMarkers;
  }

  /**
   * The id of the text in {@code chars[offset, offset + length)}, adding it when new, or -1 when it
   * is a missing marker (so markers are compared once per distinct text, not per cell).
   */
  int intern(char[] chars, int offset, int length) {
    int id = length <= MAX_PACKED ? internPacked(chars, offset, length) : -2;
    if (id == -2) {
      id = internHashed(chars, offset, length);
    }
    return isMarker[id] ? -1 : id;
  }

  /** The id of a short Latin-1 text, or -2 when a character is beyond Latin-1. */
  private int internPacked(char[] chars, int offset, int length) {
    long key = PACKED_FLAG | ((long) length << 56);
    for (int i = 0; i < length; i++) {
      char c = chars[offset + i];
      if (c > 0xff) {
        return -2;
      }
      key |= (long) c << (8 * i);
    }
    if (key == lastKey) {
      return lastId;
    }
    int mask = packedKeys.length - 1;
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (packedKeys[slot] != 0) {
      if (packedKeys[slot] == key) {
        lastKey = key;
        lastId = packedIds[slot];
        return lastId;
      }
      slot = (slot + 1) & mask;
    }
    int id = add(new String(chars, offset, length));
    packedKeys[slot] = key;
    packedIds[slot] = id;
    if (++packedCount * 2 > packedKeys.length) {
      rehashPacked();
    }
    lastKey = key;
    lastId = id;
    return id;
  }

  private int internHashed(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int mask = hashedSlots.length - 1;
    int slot = spread(hash) & mask;
    while (hashedSlots[slot] != 0) {
      int id = hashedSlots[slot] - 1;
      if (hashes[slot] == hash
          && texts[id].length() == length
          && sameChars(texts[id], chars, offset, length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = add(new String(chars, offset, length));
    hashedSlots[slot] = id + 1;
    hashes[slot] = hash;
    if (++hashedCount * 2 > hashedSlots.length) {
      rehashHashed();
    }
    return id;
  }

  String text(int id) {
    return texts[id];
  }

  /** The number written by text {@code id}; only valid when {@link #isNumber} holds. */
  double number(int id) {
    return numbers[id];
  }

  boolean isNumber(int id) {
    return isNumber[id];
  }

  /** True when some text of this chunk, other than a missing marker, is not a number. */
  boolean hasNonNumber() {
    return hasNonNumber;
  }

  private int add(String text) {
    if (size == texts.length) {
      texts = Arrays.copyOf(texts, size * 2);
      numbers = Arrays.copyOf(numbers, size * 2);
      isNumber = Arrays.copyOf(isNumber, size * 2);
      isMarker = Arrays.copyOf(isMarker, size * 2);
    }
    int id = size++;
    texts[id] = text;
    isMarker[id] = missingMarkers.contains(text);
    if (!isMarker[id] && NumberText.mayBeNumber(text)) {
      try {
        numbers[id] = NumberText.parse(text);
        isNumber[id] = true;
      } catch (NumberFormatException notANumber) {
        isNumber[id] = false;
      }
    }
    hasNonNumber |= !isMarker[id] && !isNumber[id];
    return id;
  }

  private void rehashPacked() {
    long[] oldKeys = packedKeys;
    int[] oldIds = packedIds;
    packedKeys = new long[oldKeys.length * 2];
    packedIds = new int[oldKeys.length * 2];
    int mask = packedKeys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = (int) ((oldKeys[i] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (packedKeys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        packedKeys[slot] = oldKeys[i];
        packedIds[slot] = oldIds[i];
      }
    }
  }

  private void rehashHashed() {
    int[] oldSlots = hashedSlots;
    int[] oldHashes = hashes;
    hashedSlots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    int mask = hashedSlots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int slot = spread(oldHashes[i]) & mask;
        while (hashedSlots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        hashedSlots[slot] = oldSlots[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private static boolean sameChars(String text, char[] chars, int offset, int length) {
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
