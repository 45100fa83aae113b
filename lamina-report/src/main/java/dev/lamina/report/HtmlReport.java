package dev.lamina.report;

import dev.lamina.files.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A training report as one self-contained HTML page: no scripts, no network; the curves are an
 * embedded base64 PNG and every text is escaped.
 */
public final class HtmlReport {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;max-width:60em;color:#222}"
          + "table{border-collapse:collapse;margin-bottom:1.5em}"
          + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
          + "pre{background:#f6f6f6;padding:1em;overflow-x:auto}"
          + "img{max-width:100%}";

  private HtmlReport() {}

  public static String render(TrainingReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(report.title()))
        .append("</title>\n")
        .append("<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>")
        .append(escape(report.title()))
        .append("</h1>\n");
    html.append("<h2>Data</h2>\n");
    keyValues(html, report.data());
    html.append("<h2>Model</h2>\n<pre>").append(escape(report.modelSummary())).append("</pre>\n");
    html.append("<h2>Metrics</h2>\n<p>Best epoch ")
        .append(report.bestEpoch() + 1)
        .append(" of ")
        .append(report.epochsRun())
        .append(" run; training took ")
        .append(String.format(Locale.ROOT, "%.1f", report.seconds()))
        .append(" s.</p>\n");
    metricsTable(html, report.bestMetrics(), report.finalMetrics());
    html.append(
            "<h2>Learning curves</h2>\n<img alt=\"learning curves\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(report.curvesPng()))
        .append("\">\n");
    html.append("<h2>Settings</h2>\n");
    keyValues(html, report.settings());
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  /** Writes {@link #render} to {@code file} atomically. */
  public static void write(TrainingReport report, Path file) {
    AtomicFile.write(file, render(report).getBytes(StandardCharsets.UTF_8));
  }

  /** Text made safe for HTML element content and double-quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void keyValues(StringBuilder html, Map<String, String> values) {
    html.append("<table>\n");
    values.forEach(
        (key, value) ->
            html.append("<tr><th>")
                .append(escape(key))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
    html.append("</table>\n");
  }

  private static void metricsTable(
      StringBuilder html, Map<String, Double> best, Map<String, Double> last) {
    html.append("<table>\n<tr><th>metric</th><th>best epoch</th><th>last epoch</th></tr>\n");
    TreeSet<String> keys = new TreeSet<>(best.keySet());
    keys.addAll(last.keySet());
    for (String key : keys) {
      html.append("<tr><td>")
          .append(escape(key))
          .append("</td><td>")
          .append(cell(best.get(key)))
          .append("</td><td>")
          .append(cell(last.get(key)))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String cell(Double value) {
    return value == null ? "" : ConsoleTable.number(value);
  }
}
