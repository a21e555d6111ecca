package dev.dlitools.dli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layering of {@code src/main}: the core is a library a second front end (Gradle, a CLI, the benchmark) can call
 * unchanged, so it knows neither Maven nor our Maven layer, and its packages depend on each other in one direction.
 */
@AnalyzeClasses(packages = "dev.dlitools.dli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "dev.dlitools.dli.core..";

    @ArchTest
    static final ArchRule coreDoesNotUseMaven = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("org.apache.maven..")
            .because("the core is meant for any front end; Maven's types belong in dev.dlitools.dli.maven");

    @ArchTest
    static final ArchRule coreDoesNotUseTheMavenLayer = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("dev.dlitools.dli.maven..")
            .because("the Maven layer adapts the core, never the other way round");

    /** The core's own package counts as a slice too: {@code core.(*)..} alone would not see it. */
    @ArchTest
    static final ArchRule corePackagesHaveNoCycles = slices().assignedFrom(new CorePackages())
            .should().beFreeOfCycles();

    /** One slice per package directly under the core ({@code dli}, {@code obs}, ...) and one for the core itself. */
    private static final class CorePackages implements SliceAssignment {

        private static final String PREFIX = "dev.dlitools.dli.core";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(PREFIX)) {
                return SliceIdentifier.of("core");
            }
            if (!name.startsWith(PREFIX + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = name.substring(PREFIX.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of("core." + (dot < 0 ? rest : rest.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "the packages of " + PREFIX;
        }
    }
}
