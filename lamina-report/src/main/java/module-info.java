/** Learning-curve charts, the HTML training report and console tables. */
module dev.lamina.report {
  requires transitive dev.lamina.core; // History and Sequential in the API
  requires transitive java.desktop; // LearningCurves.render returns a BufferedImage
  requires org.knowm.xchart;

  exports dev.lamina.report;
}
