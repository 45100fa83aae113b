package dev.lamina.data;

import java.util.Locale;

/**
 * Parses CSV cells as doubles: plain decimals take a fast exact path, everything else goes to
 * {@link Double#parseDouble} after a check that rejects Java-only forms such as {@code 1d}, {@code
 * 0x1p3} or surrounding spaces.
 */
final class NumberText {
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final int MAX_EXACT_DIGITS = 15;

  private NumberText() {}

  /**
   * The number written in {@code text}.
   *
   * @throws NumberFormatException when the text is not a number
   */
  static double parse(String text) {
    if (!mayBeNumber(text)) {
      throw new NumberFormatException("not a number: " + text);
    }
    double fast = parsePlainDecimal(text);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    return parseGeneral(text);
  }

  /** A cheap first test, so that most text cells are rejected without an exception. */
  static boolean mayBeNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return (c >= '0' && c <= '9')
        || c == '-'
        || c == '+'
        || c == '.'
        || c == 'n'
        || c == 'N'
        || c == 'i'
        || c == 'I';
  }

  /**
   * A decimal such as {@code -12.375} with at most 15 digits, or NaN when the text has another
   * form. Both the digits and the power of ten are exact doubles, so one division rounds correctly.
   */
  private static double parsePlainDecimal(String text) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    long digits = 0;
    int digitCount = 0;
    int fractionDigits = 0;
    boolean seenPoint = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digitCount == 0 && c == '0' && !seenPoint) {
          continue;
        }
        digits = digits * 10 + (c - '0');
        digitCount++;
        if (seenPoint) {
          fractionDigits++;
        }
      } else if (c == '.' && !seenPoint) {
        seenPoint = true;
      } else {
        return Double.NaN;
      }
    }
    boolean hasDigit = length > (negative || text.startsWith("+") ? 1 : 0) + (seenPoint ? 1 : 0);
    if (!hasDigit || digitCount > MAX_EXACT_DIGITS || fractionDigits >= POWERS_OF_TEN.length) {
      return Double.NaN;
    }
    double value = digits / POWERS_OF_TEN[fractionDigits];
    return negative ? -value : value;
  }

  private static double parseGeneral(String text) {
    if (text.isEmpty()) {
      throw new NumberFormatException("empty text");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {}
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        throw new NumberFormatException("not a number: " + text);
      }
    }
    return Double.parseDouble(text);
  }
}
