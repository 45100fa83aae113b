package dev.lamina.data;

import java.util.Arrays;
import java.util.Set;

/**
 * The distinct texts of one column within one chunk, each parsed as a number once. Cells are
 * stored as ids into this dictionary, so a column of repeated values (categories, small
 * integers) allocates one string per distinct value instead of one per cell, and the garbage
 * collector has little to copy.
 *
 * <p>Look-up is the hot loop of CSV reading, so keys live in flat arrays: texts of up to four
 * characters are compared as one packed long, longer ones against a shared character pool.
 */
final class ColumnDictionary {
  private static final int PACKED_CHARS = 4;
  private String[] texts = new String[64];
  private double[] numbers = new double[64];
  private boolean[] isNumber = new boolean[64];
  private int[] hashes = new int[64];
  private int[] lengths = new int[64];
  private long[] packed = new long[64];
  private int[] poolStarts = new int[64];
  private char[] pool = new char[256];
  private int poolSize;
  private int[] slots = new int[128];
  private boolean[] isMarker = new boolean[64];
  private int size;
  private boolean hasNonNumber;
  private final Set<String> missingMarkers;

  /** @param missingMarkers texts that mean "missing"; {@link #intern} returns -1 for them */
  ColumnDictionary(Set<String> missingMarkers) {
    this.missingMarkers = missingMarkers;
  }

  /**
   * The id of the text in {@code chars[offset, offset + length)}, adding it when new, or -1
   * when it is a missing marker (so markers are compared once per distinct text, not per cell).
   */
  int intern(char[] chars, int offset, int length) {
    int hash = 0;
    long pack = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[offset + i];
      hash = 31 * hash + c;
      pack = (pack << 16) | c;
    }
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        int id = add(chars, offset, length, hash, pack, slot);
        return isMarker[id] ? -1 : id;
      }
      if (hashes[entry] == hash && lengths[entry] == length
          && (length <= PACKED_CHARS ? packed[entry] == pack
              : Arrays.equals(pool, poolStarts[entry], poolStarts[entry] + length,
                  chars, offset, offset + length))) {
        return isMarker[entry] ? -1 : entry;
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
    return hasNonNumber;
  }

  private int add(char[] chars, int offset, int length, int hash, long pack, int slot) {
    if (size == texts.length) {
      grow();
    }
    int id = size++;
    String text = new String(chars, offset, length);
    texts[id] = text;
    hashes[id] = hash;
    lengths[id] = length;
    packed[id] = pack;
    if (length > PACKED_CHARS) {
      if (poolSize + length > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
      }
      System.arraycopy(chars, offset, pool, poolSize, length);
      poolStarts[id] = poolSize;
      poolSize += length;
    }
    isNumber[id] = false;
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
    slots[slot] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void grow() {
    int capacity = size * 2;
    texts = Arrays.copyOf(texts, capacity);
    numbers = Arrays.copyOf(numbers, capacity);
    isNumber = Arrays.copyOf(isNumber, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    lengths = Arrays.copyOf(lengths, capacity);
    packed = Arrays.copyOf(packed, capacity);
    poolStarts = Arrays.copyOf(poolStarts, capacity);
    isMarker = Arrays.copyOf(isMarker, capacity);
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
}
