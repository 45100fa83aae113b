package dev.lamina.data.selection;

import dev.lamina.data.numerics.Digamma;
import dev.lamina.data.numerics.PairwiseSum;
import java.util.Arrays;
import java.util.Random;

/**
 * scikit-learn's k-nearest-neighbour estimates of mutual information (k = 3): Kraskov et al. for a
 * continuous target, Ross for a discrete one. As scikit-learn, features (and a continuous target)
 * are divided by their standard deviation and get Gaussian noise of 1e-10 times their mean
 * magnitude, which breaks ties between repeated values; the noise comes from {@code seed}, so
 * scores agree with scikit-learn's only up to that noise.
 */
final class MutualInformation {
  private static final int NEIGHBOURS = 3;
  private static final double NOISE = 1e-10;

  private MutualInformation() {}

  static double[] regression(double[][] features, double[] target, long seed) {
    Random random = new Random(seed);
    double[][] x = jittered(features, random);
    double[] y = jittered(new double[][] {target}, random)[0];
    double[] scores = new double[x.length];
    for (int f = 0; f < x.length; f++) {
      scores[f] = continuousTarget(x[f], y);
    }
    return scores;
  }

  static double[] classification(double[][] features, int[] classes, int classCount, long seed) {
    double[][] x = jittered(features, new Random(seed));
    double[] scores = new double[x.length];
    for (int f = 0; f < x.length; f++) {
      scores[f] = discreteTarget(x[f], classes, classCount);
    }
    return scores;
  }

  /** Each column divided by its std (ddof 0, 1 if 0), plus the tie-breaking noise. */
  private static double[][] jittered(double[][] columns, Random random) {
    int n = columns[0].length;
    double[][] scaled = new double[columns.length][n];
    for (int c = 0; c < columns.length; c++) {
      double std = Math.sqrt(PairwiseSum.variance(columns[c]));
      double divisor = std < 10 * Math.ulp(1.0) ? 1 : std;
      double magnitude = 0;
      for (int i = 0; i < n; i++) {
        scaled[c][i] = columns[c][i] / divisor;
        magnitude += Math.abs(scaled[c][i]);
      }
      double noise = NOISE * Math.max(1, magnitude / n);
      for (int i = 0; i < n; i++) {
        scaled[c][i] += noise * random.nextGaussian();
      }
    }
    return scaled;
  }

  /** Kraskov's estimator, with the Chebyshev distance in the joint space. */
  private static double continuousTarget(double[] x, double[] y) {
    int n = x.length;
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(x[a], x[b]));
    int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    double[] sortedX = new double[n];
    for (int i = 0; i < n; i++) {
      sortedX[i] = x[order[i]];
    }
    double[] sortedY = y.clone();
    Arrays.sort(sortedY);
    double digammaSum = 0;
    for (int p = 0; p < n; p++) {
      double radius = Math.nextDown(kthJointDistance(order, sortedX, y, p));
      int i = order[p];
      int nx = countWithin(sortedX, x[i], radius) - 1;
      int ny = countWithin(sortedY, y[i], radius) - 1;
      digammaSum += Digamma.of(nx + 1) + Digamma.of(ny + 1);
    }
    double mi = Digamma.of(n) + Digamma.of(NEIGHBOURS) - digammaSum / n;
    return Math.max(0, mi);
  }

  /** The distance to the k-th nearest other point, scanning outwards in x order. */
  private static double kthJointDistance(int[] order, double[] sortedX, double[] y, int p) {
    double[] nearest = new double[NEIGHBOURS];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    double px = sortedX[p];
    double py = y[order[p]];
    for (int step = 1; ; step++) {
      boolean scanned = false;
      for (int q : new int[] {p - step, p + step}) {
        if (q < 0 || q >= sortedX.length || Math.abs(sortedX[q] - px) > nearest[NEIGHBOURS - 1]) {
          continue;
        }
        scanned = true;
        double distance = Math.max(Math.abs(sortedX[q] - px), Math.abs(y[order[q]] - py));
        insert(nearest, distance);
      }
      if (!scanned) {
        return nearest[NEIGHBOURS - 1];
      }
    }
  }

  private static void insert(double[] nearest, double distance) {
    int position = nearest.length - 1;
    if (distance >= nearest[position]) {
      return;
    }
    while (position > 0 && nearest[position - 1] > distance) {
      nearest[position] = nearest[position - 1];
      position--;
    }
    nearest[position] = distance;
  }

  /**
   * How many sorted values lie within {@code radius} of {@code center}, ends included, judged by
   * the distance itself: {@code center ± radius} can round outwards and take in the very neighbour
   * that the radius (one ulp below its distance) is meant to leave out.
   */
  private static int countWithin(double[] sorted, double center, double radius) {
    int first = lowerBound(sorted, center - radius);
    while (first < sorted.length && Math.abs(sorted[first] - center) > radius) {
      first++;
    }
    while (first > 0 && Math.abs(sorted[first - 1] - center) <= radius) {
      first--;
    }
    int end = upperBound(sorted, center + radius);
    while (end > first && Math.abs(sorted[end - 1] - center) > radius) {
      end--;
    }
    while (end < sorted.length && Math.abs(sorted[end] - center) <= radius) {
      end++;
    }
    return end - first;
  }

  /** Ross's estimator for a continuous feature and class labels. */
  private static double discreteTarget(double[] c, int[] classes, int classCount) {
    int n = c.length;
    double[][] byClass = new double[classCount][];
    int[] counts = new int[classCount];
    for (int label : classes) {
      counts[label]++;
    }
    int[] filled = new int[classCount];
    for (int k = 0; k < classCount; k++) {
      byClass[k] = new double[counts[k]];
    }
    for (int i = 0; i < n; i++) {
      byClass[classes[i]][filled[classes[i]]++] = c[i];
    }
    double[] pooled = new double[n];
    int pooledCount = 0;
    for (int k = 0; k < classCount; k++) {
      Arrays.sort(byClass[k]);
      if (counts[k] > 1) {
        System.arraycopy(byClass[k], 0, pooled, pooledCount, counts[k]);
        pooledCount += counts[k];
      }
    }
    pooled = Arrays.copyOf(pooled, pooledCount);
    Arrays.sort(pooled);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int label = classes[i];
      if (counts[label] <= 1) {
        continue;
      }
      int k = Math.min(NEIGHBOURS, counts[label] - 1);
      double radius = Math.nextDown(kthDistance1d(byClass[label], c[i], k));
      int within = countWithin(pooled, c[i], radius);
      sum += Digamma.of(k) - Digamma.of(counts[label]) - Digamma.of(within);
    }
    double mi = Digamma.of(pooledCount) + sum / pooledCount;
    return Math.max(0, mi);
  }

  /** The distance from {@code value} (one of {@code sorted}) to its k-th nearest other value. */
  private static double kthDistance1d(double[] sorted, double value, int k) {
    int self = lowerBound(sorted, value);
    int left = self - 1;
    int right = self + 1;
    double distance = 0;
    for (int taken = 0; taken < k; taken++) {
      double leftDistance = left >= 0 ? value - sorted[left] : Double.POSITIVE_INFINITY;
      double rightDistance =
          right < sorted.length ? sorted[right] - value : Double.POSITIVE_INFINITY;
      if (leftDistance <= rightDistance) {
        distance = leftDistance;
        left--;
      } else {
        distance = rightDistance;
        right++;
      }
    }
    return distance;
  }

  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static int upperBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
