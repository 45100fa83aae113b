package dev.lamina.fused;

import dev.lamina.kernels.Kernels;

/**
 * The activations the fused path runs in place. Every derivative here is a function of the
 * activation's output, so backward needs no copy of the pre-activation values.
 */
public enum FusedActivation {
  LINEAR {
    @Override
    void forward(float[] a, int rows, int cols) {}

    @Override
    void backward(float[] y, float[] grad, int rows, int cols) {}
  },
  RELU {
    @Override
    void forward(float[] a, int rows, int cols) {
      Kernels.get().relu(a, 0, a, 0, rows * cols);
    }

    @Override
    void backward(float[] y, float[] grad, int rows, int cols) {
      Kernels.get().reluBackward(y, 0, grad, 0, grad, 0, rows * cols);
    }
  },
  SIGMOID {
    @Override
    void forward(float[] a, int rows, int cols) {
      for (int i = 0, n = rows * cols; i < n; i++) {
        a[i] = (float) sigmoid(a[i]);
      }
    }

    @Override
    void backward(float[] y, float[] grad, int rows, int cols) {
      for (int i = 0, n = rows * cols; i < n; i++) {
        grad[i] *= y[i] * (1 - y[i]);
      }
    }
  },
  TANH {
    @Override
    void forward(float[] a, int rows, int cols) {
      for (int i = 0, n = rows * cols; i < n; i++) {
        a[i] = (float) Math.tanh(a[i]);
      }
    }

    @Override
    void backward(float[] y, float[] grad, int rows, int cols) {
      for (int i = 0, n = rows * cols; i < n; i++) {
        grad[i] -= grad[i] * y[i] * y[i];
      }
    }
  },
  SOFTMAX {
    @Override
    void forward(float[] a, int rows, int cols) {
      for (int r = 0; r < rows; r++) {
        int start = r * cols;
        float max = Kernels.get().max(a, start, cols);
        double sum = 0;
        for (int j = start; j < start + cols; j++) {
          a[j] = (float) Math.exp(a[j] - max);
          sum += a[j];
        }
        float inverse = (float) (1 / sum);
        for (int j = start; j < start + cols; j++) {
          a[j] *= inverse;
        }
      }
    }

    @Override
    void backward(float[] y, float[] grad, int rows, int cols) {
      for (int r = 0; r < rows; r++) {
        int start = r * cols;
        double dot = 0;
        for (int j = start; j < start + cols; j++) {
          dot += grad[j] * y[j];
        }
        for (int j = start; j < start + cols; j++) {
          grad[j] = (float) (y[j] * (grad[j] - dot));
        }
      }
    }
  };

  /** Replaces the pre-activation values in {@code a} (rows × cols) by the activation's output. */
  abstract void forward(float[] a, int rows, int cols);

  /** Turns the gradient at the output into the gradient at the input, given the output y. */
  abstract void backward(float[] y, float[] grad, int rows, int cols);

  /** The fused form of a Keras activation name, or null when only autograd runs it. */
  public static FusedActivation named(String name) {
    return switch (name == null ? "linear" : name) {
      case "linear" -> LINEAR;
      case "relu" -> RELU;
      case "sigmoid" -> SIGMOID;
      case "tanh" -> TANH;
      case "softmax" -> SOFTMAX;
      default -> null;
    };
  }

  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }
}
