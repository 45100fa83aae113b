package dev.lamina.metrics;

import java.util.Arrays;

/** Every (score, label, weight) seen, and the exact area under their ROC curve. */
final class ExactRoc {
  private float[] scores = new float[64];
  private boolean[] positive = new boolean[64];
  private double[] weights = new double[64];
  private int size;

  void add(float score, boolean isPositive, double weight) {
    if (size == scores.length) {
      int capacity = size * 2;
      scores = Arrays.copyOf(scores, capacity);
      positive = Arrays.copyOf(positive, capacity);
      weights = Arrays.copyOf(weights, capacity);
    }
    scores[size] = score;
    positive[size] = isPositive;
    weights[size] = weight;
    size++;
  }

  void clear() {
    size = 0;
  }

  /** Trapezoids between the ROC points of each distinct score, from the highest down. */
  double area() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
    double totalPositive = 0;
    double totalNegative = 0;
    for (int i = 0; i < size; i++) {
      if (positive[i]) {
        totalPositive += weights[i];
      } else {
        totalNegative += weights[i];
      }
    }
    if (totalPositive == 0 || totalNegative == 0) {
      return 0.0;
    }
    double area = 0;
    double tp = 0;
    double fp = 0;
    int i = 0;
    while (i < size) {
      float score = scores[order[i]];
      double tpBefore = tp;
      double fpBefore = fp;
      while (i < size && scores[order[i]] == score) {
        if (positive[order[i]]) {
          tp += weights[order[i]];
        } else {
          fp += weights[order[i]];
        }
        i++;
      }
      area += (fp - fpBefore) * (tp + tpBefore) / 2;
    }
    return area / (totalPositive * totalNegative);
  }
}
