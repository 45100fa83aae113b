/**
 * Tabular data for training: tables and CSV reading, splits, batch sources and the course's
 * datasets, and the preprocessing transformers. What transformers learn and share ({@code
 * .fitting}) and the numerical routines ({@code .numerics}) stay inside.
 */
module dev.lamina.data {
  requires transitive dev.lamina.core; // tables give Tensors, batch sources feed Sequential.fit
  requires de.siegmar.fastcsv;
  requires java.desktop; // ImageIO for the image folders

  exports dev.lamina.data;
  exports dev.lamina.data.decomposition;
  exports dev.lamina.data.images;
  exports dev.lamina.data.preprocessing;
  exports dev.lamina.data.selection;
}
