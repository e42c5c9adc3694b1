package vn.cungem.allocation.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: the language and collections only; no Spring, no database, no I/O, no clock. */
class AllocationEngineIsPlainJavaTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cungem.allocation.engine");

    @Test
    void engineDependsOnTheLanguageAndCollectionsOnly() {
        classes()
                .that()
                .resideInAPackage("vn.cungem.allocation.engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java.lang",
                        "java.lang.invoke",
                        "java.lang.runtime",
                        "java.util",
                        "java.util.function",
                        "java.util.stream",
                        "vn.cungem.allocation.engine..")
                .check(classes);
    }
}
