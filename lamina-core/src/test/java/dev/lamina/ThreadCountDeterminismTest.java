package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lamina.kernels.internal.KernelThreads;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One seed gives the same bits whatever the number of kernel threads: split kernels divide their
 * output into parts that each thread computes whole, in the same order as one thread would, so no
 * sum is reordered. The network is wide enough (256-row batches into 512 units) that the matrix
 * products, the bias sums and the optimizer update are split. {@code tools/determinism-check} also
 * varies the JDK (17, 25) and the kernels (Vector API, plain).
 */
class ThreadCountDeterminismTest {

  private static List<float[]> train(int threads) {
    int before = KernelThreads.count();
    KernelThreads.setCount(threads);
    try {
      Tensor[] data = DeterminismFingerprint.data(1024, 32);
      Sequential model =
          new Sequential(
                  new Dense(512, "relu").inputShape(32),
                  new BatchNormalization(),
                  new Dropout(0.2),
                  new Dense(512, "relu"),
                  new Dense(1))
              .seed(11);
      model.compile(new Adam(0.001), new MeanSquaredError());
      History history =
          model.fit(
              data[0],
              data[1],
              new FitOptions().epochs(2).batchSize(256).validationSplit(0.25).verbose(0));
      List<float[]> bits =
          new java.util.ArrayList<>(model.getWeights().stream().map(Tensor::toFloatArray).toList());
      bits.add(toFloats(history.get("loss")));
      bits.add(toFloats(history.get("val_loss")));
      return bits;
    } finally {
      KernelThreads.setCount(before);
    }
  }

  private static float[] toFloats(double[] values) {
    float[] f = new float[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      long bits = Double.doubleToLongBits(values[i]);
      f[2 * i] = Float.intBitsToFloat((int) (bits >>> 32));
      f[2 * i + 1] = Float.intBitsToFloat((int) bits);
    }
    return f;
  }

  @Test
  void oneTwoAndFourKernelThreadsTrainTheSameBits() {
    List<float[]> one = train(1);
    for (int threads : new int[] {2, 4}) {
      List<float[]> many = train(threads);
      for (int i = 0; i < one.size(); i++) {
        assertArrayEquals(one.get(i), many.get(i), threads + " threads, array " + i);
      }
    }
  }
}
