package dev.lamina.cli;

import dev.lamina.FitOptions;
import dev.lamina.History;
import dev.lamina.Sequential;
import dev.lamina.Tensor;

/**
 * How {@code lamina train} fits its network to the preprocessed rows: on this machine by
 * default, or elsewhere (a Spark cluster) when {@link Lamina#run(Fitter, String...)} is given
 * another.
 */
@FunctionalInterface
public interface Fitter {
  Fitter LOCAL = Sequential::fit;

  History fit(Sequential model, Tensor x, Tensor y, FitOptions options);
}
