package dev.lamina.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesReplacesAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("sub/report.html");
    AtomicFile.write(file, new byte[] {1, 2, 3});
    AtomicFile.write(file, new byte[] {4});
    assertArrayEquals(new byte[] {4}, Files.readAllBytes(file));
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aFolderInTheWayIsANamedError() throws IOException {
    Path blocked = dir.resolve("blocked");
    Files.createDirectories(blocked.resolve("inside"));
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> AtomicFile.write(blocked, new byte[1]));
    assertTrue(e.getMessage().contains(blocked.toString()), e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(blocked), files.toList(), "the temporary file is removed");
    }
  }
}
