package dev.lamina.examples;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;
import dev.lamina.data.Datasets;
import dev.lamina.data.Table;
import dev.lamina.layers.Dense;
import dev.lamina.losses.MeanSquaredError;
import dev.lamina.optimizers.Adam;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 1, a single neuron: calories of a cereal from its sugars, fiber and protein with one
 * linear unit, {@code Dense(1)} on 3 inputs (3 weights and a bias, 4 parameters). The course only
 * reads the untrained weights; here the unit is also trained (full batch, mean squared error) so
 * that its weights can be read as calories per gram of each nutrient.
 */
public final class Lesson1SingleNeuron {
  static final String[] INPUTS = {"sugars", "fiber", "protein"};
  private static final String LESSON = "lesson1";

  private Lesson1SingleNeuron() {}

  /** The unit's weights (one per input, in {@link #INPUTS} order) and its bias. */
  public record Weights(double[] kernel, double bias) {
    static Weights of(Sequential model) {
      List<Tensor> weights = model.getWeights();
      return new Weights(weights.get(0).toDoubleArray(), weights.get(1).item());
    }

    String formula() {
      return String.format(
          Locale.ROOT,
          "calories = %.3f * sugars + %.3f * fiber + %.3f * protein + %.3f",
          kernel[0],
          kernel[1],
          kernel[2],
          bias);
    }
  }

  /** The weights before and after training, and the final training loss (MSE). */
  public record Result(Weights before, Weights after, double finalLoss, int rows) {}

  /** The cereals whose sugars, fiber, protein and calories are all known (-1 marks a gap). */
  static Table cereals() {
    Table table = Datasets.cereal().select("sugars", "fiber", "protein", "calories");
    return table.filter(row -> table.columns().stream().noneMatch(c -> c.isMissing(row)));
  }

  public static Result run(int epochs, boolean printSummary) {
    Table table = cereals();
    Tensor x = table.select(INPUTS).toTensor();
    Tensor y = table.select("calories").toTensor();
    Sequential model = new Sequential(new Dense(1).inputShape(INPUTS.length)).seed(0);
    // Inputs in grams span 0 to 15 while the bias must reach tens of calories: a large step
    // size gets there in a few thousand full-batch steps.
    model.compile(new Adam(0.5), new MeanSquaredError());
    if (printSummary) {
      System.out.print(model.summary());
    }
    Weights before = Weights.of(model);
    History history =
        model.fit(x, y, new FitOptions().batchSize(table.rowCount()).epochs(epochs).verbose(0));
    Curves.save(LESSON, "cereal", history);
    double[] loss = history.get("loss");
    return new Result(before, Weights.of(model), loss[loss.length - 1], table.rowCount());
  }

  public static void main(String[] args) {
    Result r = run(args.length > 0 ? Integer.parseInt(args[0]) : 3000, true);
    System.out.println("Weights before training (random): " + r.before().formula());
    System.out.println("Weights after training:           " + r.after().formula());
    System.out.printf(
        Locale.ROOT,
        "%d cereals, final training MSE %.2f (RMSE %.2f calories); learning curves in %s%n",
        r.rows(),
        r.finalLoss(),
        Math.sqrt(r.finalLoss()),
        Curves.ROOT.resolve(LESSON));
  }
}
