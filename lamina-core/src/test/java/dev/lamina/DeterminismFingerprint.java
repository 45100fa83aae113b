package dev.lamina;

import dev.lamina.kernels.KernelSelection;
import dev.lamina.kernels.internal.KernelThreads;
import dev.lamina.layers.BatchNormalization;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Adam;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * The SHA-256 of what one seeded fit ends with — every weight's bits and the History's losses — for
 * {@link JdkDeterminismTest}. Run as a program it prints the kernels this JVM uses and the
 * fingerprint, which is how the test's committed values were made: {@code java
 * -Dlamina.kernels=plain -cp <lamina-core test class path> dev.lamina.DeterminismFingerprint}.
 */
final class DeterminismFingerprint {
  private DeterminismFingerprint() {}

  public static void main(String[] args) {
    System.out.println(KernelSelection.describe() + " threads=" + KernelThreads.count());
    System.out.println(of());
  }

  /** Seeded standard-normal inputs and the target x0·x1 − x2: inputs, then targets. */
  static Tensor[] data(int rows, int features) {
    Random random = new Random(5);
    float[][] x = new float[rows][features];
    float[][] y = new float[rows][1];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = (float) random.nextGaussian();
      }
      y[i][0] = x[i][0] * x[i][1] - x[i][2];
    }
    return new Tensor[] {Tensor.of(x), Tensor.of(y)};
  }

  static String of() {
    Tensor[] data = data(512, 16);
    Sequential model =
        new Sequential(
                new Dense(64, "relu").inputShape(16),
                new BatchNormalization(),
                new Dropout(0.2),
                new Dense(64, "tanh"),
                new Dense(1))
            .seed(11);
    model.compile(new Adam(0.001), new MeanSquaredError());
    History history =
        model.fit(
            data[0],
            data[1],
            new FitOptions().epochs(3).batchSize(64).validationSplit(0.25).verbose(0));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Tensor weight : model.getWeights()) {
        for (float value : weight.toFloatArray()) {
          sha.update(ByteBuffer.allocate(4).putFloat(value).array());
        }
      }
      for (String key : new String[] {"loss", "val_loss"}) {
        for (double value : history.get(key)) {
          sha.update(ByteBuffer.allocate(8).putDouble(value).array());
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
