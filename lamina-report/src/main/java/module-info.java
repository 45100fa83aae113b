/** Learning-curve charts, the HTML training report and console tables. */
// XChart 3.8.8 is an automatic module (org.knowm.xchart)
@SuppressWarnings("requires-automatic")
module dev.lamina.report {
  requires transitive dev.lamina.core; // History and Sequential in the API
  requires transitive java.desktop; // LearningCurves.render returns a BufferedImage
  requires org.knowm.xchart;

  exports dev.lamina.report;
}
