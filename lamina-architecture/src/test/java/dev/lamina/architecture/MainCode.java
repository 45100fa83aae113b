package dev.lamina.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports the main code of the library modules only: their test classes are on this module's class
 * path too, under a {@code test-classes} folder whatever {@code -Dlamina.target} names the build
 * folder (ArchUnit's own option knows only {@code target/test-classes}).
 */
public final class MainCode implements ImportOption {
  @Override
  public boolean includes(Location location) {
    return !location.contains("/test-classes/");
  }
}
