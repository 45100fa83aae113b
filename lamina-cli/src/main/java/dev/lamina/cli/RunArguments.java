package dev.lamina.cli;

import dev.lamina.files.AtomicFile;
import dev.lamina.io.Json;
import dev.lamina.io.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments a {@code lamina train} run was started with, kept in its folder as {@value #FILE}
 * so that {@code lamina train --resume DIR} trains with exactly the same settings. The folder is
 * not among them: it is wherever the run is resumed.
 */
final class RunArguments {
  static final String FILE = "train-args.json";

  private RunArguments() {}

  /** Writes {@code args} (those after {@code train}) less any {@code --out}, atomically. */
  static void write(Path out, List<String> args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--out")) {
        i++;
      } else if (!arg.startsWith("--out=")) {
        kept.add(arg);
      }
    }
    AtomicFile.write(out.resolve(FILE), Json.write(kept).getBytes(StandardCharsets.UTF_8));
  }

  /** The arguments saved in {@code runDir}, failing with a message naming the file. */
  static List<String> read(Path runDir) {
    Path file = runDir.resolve(FILE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "--resume "
              + runDir
              + ": no "
              + FILE
              + " there; it is not the"
              + " folder of a lamina train run (or the run was killed before it began)");
    } catch (IOException e) {
      throw new BadInputException(
          "--resume " + runDir + ": cannot read " + file + " (" + e.getMessage() + ")", e);
    }
    try {
      if (Json.parse(text) instanceof List<?> list
          && list.stream().allMatch(String.class::isInstance)) {
        return list.stream().map(String.class::cast).toList();
      }
    } catch (JsonException e) {
      throw new BadInputException(file + ": not a list of arguments (" + e.getMessage() + ")", e);
    }
    throw new BadInputException(file + ": not a list of arguments");
  }
}
