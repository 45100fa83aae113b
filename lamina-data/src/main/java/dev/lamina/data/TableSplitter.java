package dev.lamina.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The row choices behind {@link Table#split}, {@link Table#stratifiedSplit} and {@link
 * Table#groupSplit}. All randomness comes from one {@link SplittableRandom} seeded by the caller,
 * so a seed gives the same split on every JVM.
 */
final class TableSplitter {
  private TableSplitter() {}

  static TableSplit random(Table table, double trainFraction, long seed) {
    checkFraction("split", trainFraction);
    int[] order = shuffledRange(table.rowCount(), new SplittableRandom(seed));
    int trainRows = floorShare(trainFraction, order.length);
    return cut(table, order, trainRows);
  }

  static TableSplit stratified(Table table, Column by, double trainFraction, long seed) {
    checkFraction("stratifiedSplit", trainFraction);
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> valid = new ArrayList<>();
    for (List<Integer> rows : rowsByValue(by).values()) {
      shuffle(rows, random);
      int trainRows = (int) Math.round(trainFraction * rows.size());
      train.addAll(rows.subList(0, trainRows));
      valid.addAll(rows.subList(trainRows, rows.size()));
    }
    shuffle(train, random);
    shuffle(valid, random);
    return new TableSplit(table.rows(toArray(train)), table.rows(toArray(valid)));
  }

  static TableSplit grouped(Table table, Column by, double trainFraction, long seed) {
    checkFraction("groupSplit", trainFraction);
    Map<String, List<Integer>> groups = rowsByValue(by);
    if (groups.size() < 2) {
      throw new IllegalArgumentException(
          "Table.groupSplit: column '"
              + by.name()
              + "' has "
              + groups.size()
              + " distinct value(s); a group split needs at least 2");
    }
    List<List<Integer>> shuffledGroups = new ArrayList<>(groups.values());
    SplittableRandom random = new SplittableRandom(seed);
    shuffle(shuffledGroups, random);
    int trainGroups =
        Math.max(1, Math.min(groups.size() - 1, floorShare(trainFraction, groups.size())));
    List<Integer> train = new ArrayList<>();
    List<Integer> valid = new ArrayList<>();
    for (int g = 0; g < shuffledGroups.size(); g++) {
      (g < trainGroups ? train : valid).addAll(shuffledGroups.get(g));
    }
    shuffle(train, random);
    shuffle(valid, random);
    return new TableSplit(table.rows(toArray(train)), table.rows(toArray(valid)));
  }

  /** Row indices per distinct value, values in sorted order so the result is reproducible. */
  private static Map<String, List<Integer>> rowsByValue(Column column) {
    Map<String, List<Integer>> rows = new TreeMap<>();
    for (int row = 0; row < column.size(); row++) {
      rows.computeIfAbsent(column.format(row), key -> new ArrayList<>()).add(row);
    }
    return rows;
  }

  private static TableSplit cut(Table table, int[] order, int trainRows) {
    int[] train = new int[trainRows];
    int[] valid = new int[order.length - trainRows];
    System.arraycopy(order, 0, train, 0, trainRows);
    System.arraycopy(order, trainRows, valid, 0, valid.length);
    return new TableSplit(table.rows(train), table.rows(valid));
  }

  /** {@code floor(fraction * n)}, forgiving the rounding error of products like 0.7 * 10. */
  private static int floorShare(double fraction, int n) {
    return (int) Math.floor(fraction * n + 1e-9);
  }

  private static int[] shuffledRange(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private static <T> void shuffle(List<T> items, SplittableRandom random) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      items.set(i, items.set(j, items.get(i)));
    }
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void checkFraction(String method, double trainFraction) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException(
          "Table." + method + ": trainFraction must lie in (0, 1), got " + trainFraction);
    }
  }
}
