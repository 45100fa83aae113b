package dev.lamina.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The replicas and epoch row orders an executor JVM keeps between rounds of one fit, so that a
 * round costs no model rebuilding. Each running task borrows its own replica; only the last few
 * fits are remembered.
 */
final class Replicas {
  private static final int FITS_KEPT = 4;
  private static final Map<String, Deque<Replica>> POOLS = new LinkedHashMap<>();
  private static final Map<String, int[]> ORDERS = new LinkedHashMap<>();

  private Replicas() {}

  static Replica borrow(String fitId, byte[] modelBytes) {
    synchronized (POOLS) {
      Deque<Replica> pool = POOLS.remove(fitId);
      if (pool == null) {
        pool = new ArrayDeque<>();
      }
      POOLS.put(fitId, pool);
      trim(POOLS);
      if (!pool.isEmpty()) {
        return pool.pop();
      }
    }
    return Replica.of(modelBytes);
  }

  static void giveBack(String fitId, Replica replica) {
    synchronized (POOLS) {
      Deque<Replica> pool = POOLS.get(fitId);
      if (pool != null) {
        pool.push(replica);
      }
    }
  }

  /** A partition's row order for one epoch, computed once per executor. */
  static int[] order(String fitId, int partition, int epoch, Function<Integer, int[]> compute) {
    String key = fitId + "/" + partition;
    synchronized (ORDERS) {
      int[] cached = ORDERS.get(key + "/" + epoch);
      if (cached != null) {
        return cached;
      }
    }
    int[] order = compute.apply(epoch);
    synchronized (ORDERS) {
      ORDERS.keySet().removeIf(k -> k.startsWith(key + "/"));
      ORDERS.put(key + "/" + epoch, order);
      while (ORDERS.size() > 64) {
        Iterator<String> oldest = ORDERS.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
    return order;
  }

  private static void trim(Map<String, ?> byFit) {
    while (byFit.size() > FITS_KEPT) {
      Iterator<String> oldest = byFit.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }
}
