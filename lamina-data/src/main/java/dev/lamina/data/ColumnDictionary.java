package dev.lamina.data;

import java.util.Arrays;

/**
 * The distinct texts of one column within one chunk, each parsed as a number once. Cells are
 * stored as ids into this dictionary, so a column of repeated values (categories, small
 * integers) allocates one string per distinct value instead of one per cell, and the garbage
 * collector has little to copy.
 */
final class ColumnDictionary {
  private String[] texts = new String[64];
  private char[][] keys = new char[64][];
  private int[] hashes = new int[64];
  private double[] numbers = new double[64];
  private boolean[] isNumber = new boolean[64];
  private int[] slots = new int[128];
  private int size;
  private int firstNonNumber = -1;

  /** The id of the text in {@code chars[offset, offset + length)}, adding it when new. */
  int intern(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return add(chars, offset, length, hash, slot);
      }
      if (hashes[entry - 1] == hash && sameChars(keys[entry - 1], chars, offset, length)) {
        return entry - 1;
      }
    }
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

  /** True when some text of this chunk is not a number. */
  boolean hasNonNumber() {
    return firstNonNumber >= 0;
  }

  private int add(char[] chars, int offset, int length, int hash, int slot) {
    if (size == texts.length) {
      texts = Arrays.copyOf(texts, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
      numbers = Arrays.copyOf(numbers, size * 2);
      isNumber = Arrays.copyOf(isNumber, size * 2);
    }
    int id = size++;
    String text = new String(chars, offset, length);
    texts[id] = text;
    keys[id] = Arrays.copyOfRange(chars, offset, offset + length);
    hashes[id] = hash;
    isNumber[id] = false;
    if (NumberText.mayBeNumber(text)) {
      try {
        numbers[id] = NumberText.parse(text);
        isNumber[id] = true;
      } catch (NumberFormatException notANumber) {
        isNumber[id] = false;
      }
    }
    if (!isNumber[id] && firstNonNumber < 0) {
      firstNonNumber = id;
    }
    slots[slot] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = spread(hashes[id]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** Most cells are short, where a plain loop beats the vectorized library call. */
  private static boolean sameChars(char[] key, char[] chars, int offset, int length) {
    if (key.length != length) {
      return false;
    }
    if (length > 16) {
      return Arrays.equals(key, 0, length, chars, offset, offset + length);
    }
    for (int i = 0; i < length; i++) {
      if (key[i] != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
