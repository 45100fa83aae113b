package dev.lamina.cli;

import dev.lamina.Sequential;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lamina convert}: a model file in any format Lamina reads, written as Keras v3 ({@code
 * .keras}) or Lamina ({@code .lamina}). A lamina-train model's numeric preprocessing travels as a
 * leading Keras Normalization layer; other preprocessing cannot, and the export says so.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description =
        "Converts a model file (Lamina, Keras .keras or legacy .h5) to .keras or .lamina.")
final class ConvertCommand implements Callable<Integer> {
  @Mixin ModelFileOption modelFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT.keras|OUT.lamina",
      description = "Where to write; the name's ending chooses the format.")
  Path out;

  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    String name = out.getFileName().toString();
    if (!name.endsWith(".keras") && !name.endsWith(".lamina")) {
      throw new BadInputException("--out " + out + ": the name must end in .keras or .lamina");
    }
    SavedModel saved = modelFile.load();
    Sequential network = saved.network();
    String note = "the network only";
    if (saved.hasPreprocessing()) {
      Sequential withScaling = PreprocessingExport.asNormalization(saved);
      if (withScaling != null) {
        network = withScaling;
        note =
            "the network with its numeric preprocessing as a leading Normalization layer"
                + " (inputs: "
                + String.join(", ", saved.preprocessing().columnTypes().keySet())
                + "; missing values are no longer imputed)";
      } else {
        note =
            "the network only: its preprocessing (categorical columns) has no Keras layer;"
                + " feed it the "
                + saved.preprocessing().inputWidth()
                + " preprocessed features";
      }
      if (saved.preprocessing().task().isClassification()) {
        note += "; outputs are the network's scores, not class labels";
      }
    }
    network.save(out);
    System.out.println("Wrote " + out + ": " + note);
    return 0;
  }
}
