package dev.lamina.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lamina.ModelFileException;
import dev.lamina.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input the 10-minute fuzz runs of the model readers found, replayed as a plain test: the
 * model reader fails with a {@link ModelFileException}, within {@link Contract}'s allocation bound
 * and in well under a second (jHDF took each size and offset in a damaged HDF5 file on trust: out
 * of memory, 170 MB for a 12 KB file, a 10-second hang; and a model whose config lost its layers
 * failed with an IllegalStateException). The same inputs are also seeds of their fuzz target.
 */
class FuzzFindingsTest {
  private static final FuzzedFile FILE = new FuzzedFile(".h5");
  private static final FuzzedFile LAMINA_FILE = new FuzzedFile(".lamina");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "h5-crash-c84a5f3c67687890c7f32369947799493a54144f",
        "h5-crash-948e1bcde58320d2c98eddb1a9abda42e5b8490b",
        "h5-crash-010ca915bee92887ddec5fa45ed7f23c191040d3",
        "h5-slow-7cebffb4aa2cde13d9510dc5c66cb19575667d98",
        "h5-slow-bc5caa3f9604299c10e990fbb9d85d9c4146af00",
        "h5-timeout-bc26e79f099004a6a772eb65e46c8b52cedca05d",
        "h5-crash-b24c1c557ec667f5b6d1c8dd1f6a94978ccb20e5"
      })
  void aFindingFailsTypedQuicklyAndBounded(String name) {
    byte[] bytes = finding(name);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () ->
            Contract.check(
                () -> Sequential.load(FILE.holding(bytes)), List.of(ModelFileException.class)));
  }

  /**
   * The {@code .lamina} reader's findings (10-minute run of {@code ModelFile}): an entry name in
   * the zip's central directory that is not UTF-8 made {@code ZipFile.getEntry} throw an
   * IllegalArgumentException out of the format sniffing.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "lamina-crash-f34aeda0e8080511716f9b39c3387ed784153676",
        "lamina-crash-d88180061c3a692cb73c8d9b308b3f62358baa7f"
      })
  void aLaminaFindingFailsTypedQuicklyAndBounded(String name) {
    byte[] bytes = finding(name);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () ->
            Contract.check(
                () -> Sequential.load(LAMINA_FILE.holding(bytes)),
                List.of(ModelFileException.class)));
  }

  private static byte[] finding(String name) {
    try (InputStream in = FuzzFindingsTest.class.getResourceAsStream("findings/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
