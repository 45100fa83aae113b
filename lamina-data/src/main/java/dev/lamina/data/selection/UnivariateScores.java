package dev.lamina.data.selection;

/** scikit-learn's F statistics of each feature against a target, computed as it does. */
final class UnivariateScores {
  private UnivariateScores() {}

  /**
   * {@code f_regression}: from each feature's correlation r with the target, {@code r^2 / (1 - r^2)
   * * (n - 2)}; a constant feature scores 0, a perfect one the largest double (force_finite).
   */
  static double[] fRegression(double[][] features, double[] target) {
    int n = target.length;
    double targetMean = mean(target);
    double targetNorm = 0;
    double[] centered = new double[n];
    for (int i = 0; i < n; i++) {
      centered[i] = target[i] - targetMean;
      targetNorm += centered[i] * centered[i];
    }
    targetNorm = Math.sqrt(targetNorm);
    double[] scores = new double[features.length];
    for (int f = 0; f < features.length; f++) {
      double[] x = features[f];
      double featureMean = mean(x);
      double squares = 0;
      double dot = 0;
      for (int i = 0; i < n; i++) {
        squares += x[i] * x[i];
        dot += centered[i] * x[i];
      }
      double featureNorm = Math.sqrt(squares - n * featureMean * featureMean);
      double correlation = dot / featureNorm / targetNorm;
      if (Double.isNaN(correlation)) {
        correlation = 0;
      }
      double squared = correlation * correlation;
      double score = squared / (1 - squared) * (n - 2);
      scores[f] = Double.isInfinite(score) ? Double.MAX_VALUE : score;
    }
    return scores;
  }

  /**
   * {@code f_classif}: the one-way ANOVA F of each feature across the classes; NaN for a feature
   * constant within every class, as scikit-learn (which SelectKBest then ranks last).
   */
  static double[] fClassif(double[][] features, int[] classes, int classCount) {
    int n = classes.length;
    int[] counts = new int[classCount];
    for (int label : classes) {
      counts[label]++;
    }
    double[] scores = new double[features.length];
    for (int f = 0; f < features.length; f++) {
      double[] x = features[f];
      double[] sums = new double[classCount];
      double squares = 0;
      for (int i = 0; i < n; i++) {
        sums[classes[i]] += x[i];
        squares += x[i] * x[i];
      }
      double total = 0;
      for (double sum : sums) {
        total += sum;
      }
      double squareOfSumsAll = total * total;
      double totalSquares = squares - squareOfSumsAll / n;
      double between = 0;
      for (int k = 0; k < classCount; k++) {
        between += sums[k] * sums[k] / counts[k];
      }
      between -= squareOfSumsAll / n;
      double within = totalSquares - between;
      double meanBetween = between / (classCount - 1);
      double meanWithin = within / (n - classCount);
      scores[f] = meanBetween / meanWithin;
    }
    return scores;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
