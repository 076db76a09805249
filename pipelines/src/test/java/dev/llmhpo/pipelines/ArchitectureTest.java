package dev.llmhpo.pipelines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;
import org.junit.runner.RunWith;

/**
 * The project's shape as rules over the main classes of every module (pipelines depends on all of them): no
 * package cycles, no Beam in the domain packages, and dependencies pointing one way, schema ← transforms ← report ←
 * pipelines.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(
    packages = "dev.llmhpo",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
public class ArchitectureTest {
  /** The other modules' test fixtures reach this classpath as their test jars, which DoNotIncludeTests lets in. */
  static final class NoTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(TEST_JAR);
    }
  }

  /** The transforms module's packages. */
  private static final String[] TRANSFORMS = {
    "dev.llmhpo.data..", "dev.llmhpo.space..", "dev.llmhpo.propose..", "dev.llmhpo.schedule..", "dev.llmhpo.train..",
    "dev.llmhpo.evaluate..", "dev.llmhpo.history..", "dev.llmhpo.study..", "dev.llmhpo.io.."
  };

  /** {@code (**)} captures the whole package name, so each package and subpackage is a slice of its own. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.llmhpo.(**)").should().beFreeOfCycles()
          .because("no package may import one that imports it back (a subpackage included)");

  @ArchTest
  static final ArchRule domainWithoutBeam =
      noClasses().that().resideInAnyPackage(
              "dev.llmhpo.data..", "dev.llmhpo.space..", "dev.llmhpo.propose..", "dev.llmhpo.train..",
              "dev.llmhpo.evaluate..", "dev.llmhpo.history..")
          .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
          .because("the domain code is plain Java; the Beam composites live in dev.llmhpo.study");

  @ArchTest
  static final ArchRule dependenciesPointOneWay =
      layeredArchitecture().consideringOnlyDependenciesInLayers()
          .layer("schema").definedBy("dev.llmhpo.schema..")
          .layer("transforms").definedBy(TRANSFORMS)
          .layer("report").definedBy("dev.llmhpo.report..")
          .layer("pipelines").definedBy("dev.llmhpo.pipelines..")
          .whereLayer("transforms").mayOnlyBeAccessedByLayers("report", "pipelines")
          .whereLayer("report").mayOnlyBeAccessedByLayers("pipelines")
          .whereLayer("pipelines").mayNotBeAccessedByAnyLayer()
          .ensureAllClassesAreContainedInArchitecture()
          .because("modules depend one way, schemas <- transforms <- report <- pipelines, and every package"
              + " belongs to one of them");
}
