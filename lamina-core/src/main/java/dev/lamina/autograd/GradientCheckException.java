package dev.lamina.autograd;

/** Automatic and numerical gradients disagree; the report names the worst element. */
public final class GradientCheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient GradCheckReport report;

  public GradientCheckException(GradCheckReport report) {
    super(report.toString());
    this.report = report;
  }

  public GradCheckReport report() {
    return report;
  }
}
