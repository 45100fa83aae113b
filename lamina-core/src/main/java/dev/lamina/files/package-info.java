/**
 * How every Lamina module saves a file: {@link dev.lamina.files.AtomicFile} writes through a
 * temporary file and renames it over the target, so a crash leaves the old file or the new one.
 * Model files, history CSVs, reports, charts and the command line's outputs all go through it; it
 * is a package of its own, below the model files of {@code dev.lamina.io}, so lamina-report and
 * lamina-cli use a published contract rather than a model-file helper. {@link
 * dev.lamina.files.StoredZipEntry} writes a zip entry uncompressed, as both model-file formats
 * (Lamina's and Keras's) store theirs.
 */
package dev.lamina.files;
