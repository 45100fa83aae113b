package dev.lamina.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A column name that a table does not have; the message lists the closest names it does have. */
public final class UnknownColumnException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SUGGESTIONS = 3;

  private final String requested;
  private final String[] closeMatches; // an array: exceptions are Serializable, List is not

  /**
   * @param where what was asked for the column, e.g. {@code "Table.select"} or a file name
   */
  public UnknownColumnException(String where, String requested, List<String> available) {
    this(where, requested, available, closeMatches(requested, available));
  }

  private UnknownColumnException(
      String where, String requested, List<String> available, List<String> closeMatches) {
    super(
        where
            + ": no column named '"
            + requested
            + "'"
            + (closeMatches.isEmpty() ? "" : "; close matches: " + String.join(", ", closeMatches))
            + " (columns: "
            + summary(available)
            + ")");
    this.requested = requested;
    this.closeMatches = closeMatches.toArray(String[]::new);
  }

  public String requested() {
    return requested;
  }

  /** Available names that differ little from the requested one, closest first. */
  public List<String> closeMatches() {
    return List.of(closeMatches);
  }

  private static String summary(List<String> available) {
    if (available.size() <= 12) {
      return String.join(", ", available);
    }
    return String.join(", ", available.subList(0, 12)) + ", … " + available.size() + " in all";
  }

  static List<String> closeMatches(String requested, List<String> available) {
    String wanted = requested.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, wanted.length() / 3);
    List<String> matches = new ArrayList<>();
    for (String name : available) {
      String candidate = name.toLowerCase(Locale.ROOT);
      if (editDistance(wanted, candidate) <= limit
          || (!wanted.isEmpty() && (candidate.contains(wanted) || wanted.contains(candidate)))) {
        matches.add(name);
      }
    }
    matches.sort(
        Comparator.comparingInt(name -> editDistance(wanted, name.toLowerCase(Locale.ROOT))));
    return matches.size() > MAX_SUGGESTIONS ? matches.subList(0, MAX_SUGGESTIONS) : matches;
  }

  /** Levenshtein distance with two rolling rows. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
