package dev.lamina.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cycle rule on small fixtures, so that it is known to fail when it should. */
class CrossPackageCyclesTest {

  private static EvaluationResult check(String fixturePackage) {
    return classes()
        .should(new CrossPackageCycles())
        .evaluate(new ClassFileImporter().importPackages(fixturePackage));
  }

  @Test
  void reportsACycleAcrossTwoPackagesThroughANestedClass() {
    EvaluationResult result = check("dev.lamina.architecture.fixture.cycle");
    List<String> details = result.getFailureReport().getDetails();
    assertEquals(1, details.size(), details.toString());
    String detail = details.get(0);
    String cycle =
        "fixture.cycle.a.Upper -> dev.lamina.architecture.fixture.cycle.b.Lower -> "
            + "dev.lamina.architecture.fixture.cycle.a.Upper";
    assertTrue(detail.contains(cycle), detail);
  }

  @Test
  void allowsACycleInsideOnePackage() {
    assertFalse(check("dev.lamina.architecture.fixture.samepackage").hasViolation());
  }
}
