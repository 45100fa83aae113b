package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.Datasets;
import dev.lamina.data.images.LabeledImages;
import dev.lamina.layers.Conv2D;
import dev.lamina.layers.Dense;
import dev.lamina.layers.Dropout;
import dev.lamina.layers.Flatten;
import dev.lamina.layers.MaxPooling2D;
import dev.lamina.losses.SparseCategoricalCrossentropy;
import dev.lamina.optimizers.Adam;
import dev.lamina.report.ImageGrid;
import dev.lamina.report.LearningCurves;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lesson 7, a convolutional network (keras.io's "Simple MNIST convnet") on Fashion-MNIST: Conv2D 32
 * 3×3 relu → MaxPooling 2 → Conv2D 64 3×3 relu → MaxPooling 2 → Flatten → Dropout 0.5 → Dense 10
 * softmax, Adam, sparse categorical cross-entropy, batch 128, 10% of the training images held out
 * for validation. Writes the learning curves and a grid of misclassified test images.
 */
public final class Lesson7Convnet {
  private static final String LESSON = "lesson7";
  private static final int GRID_IMAGES = 24;

  private Lesson7Convnet() {}

  /** The epochs run, the time of each, and the accuracy on the 10,000 test images. */
  public record Result(int epochs, double secondsPerEpoch, double testAccuracy, double testLoss) {}

  /**
   * Trains on the first {@code trainImages} training images (all 60,000 when larger) and tests on
   * the first {@code testImages} test images.
   */
  public static Result run(int epochs, int trainImages, int testImages, int verbose) {
    List<LabeledImages> data = Datasets.fashionMnist();
    LabeledImages train = data.get(0);
    LabeledImages test = data.get(1);
    int n = Math.min(trainImages, train.size());
    int m = Math.min(testImages, test.size());
    Tensor xTrain = train.images().slice(0, 0, n).div(255);
    Tensor yTrain = train.labels().slice(0, 0, n);
    Tensor xTest = test.images().slice(0, 0, m).div(255);
    Tensor yTest = test.labels().slice(0, 0, m);

    Sequential model = model();
    if (verbose > 0) {
      System.out.print(model.summary());
    }
    model.compile(new Adam(), new SparseCategoricalCrossentropy(), "accuracy");
    long start = System.nanoTime();
    History history =
        model.fit(
            xTrain,
            yTrain,
            new FitOptions().batchSize(128).epochs(epochs).validationSplit(0.1).verbose(verbose));
    double seconds = (System.nanoTime() - start) / 1e9;
    Curves.save(LESSON, "fashion-mnist", history);
    Map<String, Double> scores = model.evaluate(xTest, yTest);
    writeMisclassified(model, xTest, yTest, train.classNames());
    return new Result(
        history.epochs(), seconds / history.epochs(), scores.get("accuracy"), scores.get("loss"));
  }

  /** The convnet, seeded. */
  static Sequential model() {
    return new Sequential(
            new Conv2D(32, 3, "relu").inputShape(28, 28, 1),
            new MaxPooling2D(2),
            new Conv2D(64, 3, "relu"),
            new MaxPooling2D(2),
            new Flatten(),
            new Dropout(0.5),
            new Dense(10, "softmax"))
        .seed(0);
  }

  /** The first test images the model gets wrong, captioned with true and predicted class. */
  private static void writeMisclassified(
      Sequential model, Tensor x, Tensor y, List<String> classNames) {
    float[] predicted = model.predict(x, 256).argmax(1).toFloatArray();
    float[] truth = y.toFloatArray();
    float[] pixels = x.toFloatArray();
    int size = 28 * 28;
    List<String> captions = new ArrayList<>();
    float[] grid = new float[GRID_IMAGES * size];
    for (int i = 0; i < truth.length && captions.size() < GRID_IMAGES; i++) {
      if (predicted[i] != truth[i]) {
        System.arraycopy(pixels, i * size, grid, captions.size() * size, size);
        captions.add(
            "true: "
                + classNames.get((int) truth[i])
                + "\nsaid: "
                + classNames.get((int) predicted[i]));
      }
    }
    if (captions.isEmpty()) {
      return;
    }
    float[] shown = java.util.Arrays.copyOf(grid, captions.size() * size);
    Path file = Curves.ROOT.resolve(LESSON).resolve("fashion-mnist-misclassified.png");
    LearningCurves.write(ImageGrid.png(shown, 28, 28, captions, 6, 3), file);
  }

  /** Arguments: epochs (default 10), training images (default all 60,000). */
  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int trainImages = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
    Result r = run(epochs, trainImages, 10_000, 2);
    System.out.printf(
        Locale.ROOT,
        "Fashion-MNIST convnet: %d epochs, %.1f s per epoch, test accuracy %.4f, test loss %.4f "
            + "(target ≥ 0.90)%n",
        r.epochs(),
        r.secondsPerEpoch(),
        r.testAccuracy(),
        r.testLoss());
    System.out.println(
        "Learning curves and misclassified images in " + Curves.ROOT.resolve(LESSON));
  }
}
