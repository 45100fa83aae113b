package dev.lamina.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/** Sums of partial results keyed by where they came from, added in that order. */
final class OrderedSum {
  private OrderedSum() {}

  /** The sum of {@code (index, part)} pairs, added in increasing index. */
  static RoundSum of(Iterable<Tuple2<Integer, RoundSum>> parts) {
    List<Tuple2<Integer, RoundSum>> sorted = new ArrayList<>();
    parts.forEach(sorted::add);
    sorted.sort(Comparator.comparing(Tuple2::_1));
    RoundSum sum = RoundSum.empty();
    for (Tuple2<Integer, RoundSum> part : sorted) {
      sum.add(part._2);
    }
    return sum;
  }

  /**
   * {@code sum} cut into {@code owners} slices of its values, keyed by owner, each tagged with the
   * partition it came from; slice 0 also carries the loss, counts and predictions.
   */
  static Iterator<Tuple2<Integer, Tuple2<Integer, RoundSum>>> slices(
      int partition, RoundSum sum, int owners) {
    List<Tuple2<Integer, Tuple2<Integer, RoundSum>>> out = new ArrayList<>(owners);
    float[] values = sum.values;
    sum.values = null;
    out.add(new Tuple2<>(0, new Tuple2<>(partition, sum)));
    if (values == null) {
      return out.iterator();
    }
    int size = (values.length + owners - 1) / owners;
    for (int owner = 0; owner < owners; owner++) {
      RoundSum slice = owner == 0 ? sum : RoundSum.empty();
      int from = Math.min(values.length, owner * size);
      slice.values =
          java.util.Arrays.copyOfRange(values, from, Math.min(values.length, from + size));
      if (owner > 0) {
        out.add(new Tuple2<>(owner, new Tuple2<>(partition, slice)));
      }
    }
    return out.iterator();
  }

  /** The owners' summed slices laid end to end in owner order, with slice 0's counts. */
  static RoundSum concatenated(List<Tuple2<Integer, RoundSum>> owned) {
    List<Tuple2<Integer, RoundSum>> sorted = new ArrayList<>(owned);
    sorted.sort(Comparator.comparing(Tuple2::_1));
    int length = 0;
    for (Tuple2<Integer, RoundSum> slice : sorted) {
      length += slice._2.values == null ? 0 : slice._2.values.length;
    }
    RoundSum whole = sorted.get(0)._2;
    float[] values = new float[length];
    int at = 0;
    for (Tuple2<Integer, RoundSum> slice : sorted) {
      float[] part = slice._2.values;
      if (part != null) {
        System.arraycopy(part, 0, values, at, part.length);
        at += part.length;
      }
    }
    whole.values = values;
    return whole;
  }
}
