/**
 * The {@code lamina} command. Exports its package for lamina-spark, which trains and scores the
 * command line's model files (preprocessing included) on a cluster; picocli reads the commands'
 * annotated fields by reflection.
 */
module dev.lamina.cli {
  requires dev.lamina.core;
  requires dev.lamina.data;
  requires dev.lamina.report;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  exports dev.lamina.cli;

  opens dev.lamina.cli to
      info.picocli;
}
