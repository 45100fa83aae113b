package dev.lamina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run opens in headless Chromium without console errors or network use
 * (tools/check-report.sh). Skipped where no chromium is installed (the script exits 77), except in
 * CI (CI=true), which installs it (.ci/run): there a missing browser fails the test.
 */
class ReportInChromiumTest {
  private static final int SKIPPED = 77;

  @TempDir Path dir;

  @Test
  void reportRendersOfflineInChromium() throws Exception {
    Path script = Path.of("..", "tools", "check-report.sh").toAbsolutePath().normalize();
    assumeTrue(Files.isExecutable(script), "tools/check-report.sh is not beside this module");
    CliProcess.run(dir, "train", "--layers", "8", "--epochs", "2", "--out", "run").assertSuccess();
    Path report = dir.resolve("run/report.html");
    Path log = dir.resolve("check.log");
    Process check =
        new ProcessBuilder("bash", script.toString(), report.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(check.waitFor(300, TimeUnit.SECONDS), "check-report.sh ran past 300 s");
    boolean ci = "true".equals(System.getenv("CI"));
    assertTrue(!ci || check.exitValue() != SKIPPED, "CI installs chromium (.ci/run), yet none");
    assumeTrue(check.exitValue() != SKIPPED, "no chromium installed");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, check.exitValue(), output);

    BufferedImage screenshot = ImageIO.read(dir.resolve("run/report-screenshot.png").toFile());
    assertEquals(1000, screenshot.getWidth());
    assertTrue(ChartPixels.hasSeriesColors(screenshot), "the curves show in the screenshot");
  }
}
