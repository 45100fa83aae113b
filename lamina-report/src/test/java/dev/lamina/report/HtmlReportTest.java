package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

  private static TrainingReport report(String title, String summary) {
    return new TrainingReport(
        title,
        summary,
        Map.of("target", "<quality>"),
        Map.of("layers", "[8]"),
        1,
        3,
        Map.of("loss", 0.5, "val_loss", 0.25),
        Map.of("loss", 0.4, "val_loss", 0.3),
        1.25,
        PNG);
  }

  @Test
  void everyTextIsEscaped() {
    String html = HtmlReport.render(report("<script>alert('x')</script>", "a & b < c"));
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(html.contains("a &amp; b &lt; c"));
    assertTrue(html.contains("&lt;quality&gt;"));
  }

  @Test
  void curvesAreEmbeddedAndNothingIsFetched() {
    String html = HtmlReport.render(report("run", "summary"));
    assertTrue(
        html.contains(
            "src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(PNG) + "\""));
    assertFalse(html.contains("http"), "no links or remote resources");
  }

  @Test
  void bestAndLastMetricsAndTimingAreShown() {
    String html = HtmlReport.render(report("run", "summary"));
    assertTrue(html.contains("Best epoch 2 of 3 run; training took 1.3 s."), html);
    assertTrue(html.contains("<tr><td>val_loss</td><td>0.2500</td><td>0.3000</td></tr>"), html);
  }

  @Test
  void escapeHandlesQuotesForAttributes() {
    assertEquals("&quot;a&quot; &amp; &#39;b&#39;", HtmlReport.escape("\"a\" & 'b'"));
    assertEquals("plain", HtmlReport.escape("plain"));
    assertEquals(
        "é ✓",
        new String(
            HtmlReport.escape("é ✓").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }
}
