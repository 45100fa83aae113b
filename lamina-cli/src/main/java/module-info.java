/**
 * The {@code lamina} command. Exports its package for lamina-spark, which trains and scores the
 * command line's model files (preprocessing included) on a cluster; picocli reads the commands'
 * annotated fields by reflection.
 */
module dev.lamina.cli {
  requires transitive dev.lamina.core; // Fitter and CliModel take and give Sequential, Tensor
  requires transitive dev.lamina.data; // Preprocessing, TrainSettings and Task show Table, Column
  requires dev.lamina.report;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  exports dev.lamina.cli;

  opens dev.lamina.cli to
      info.picocli;
}
