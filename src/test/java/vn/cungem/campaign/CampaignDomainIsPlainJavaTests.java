package vn.cungem.campaign;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The campaign rules (spec, status, defaults, value records) are plain Java, testable without Spring or a database. */
class CampaignDomainIsPlainJavaTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cungem.campaign");

    @Test
    void domainClassesUseNeitherSpringNorJdbc() {
        noClasses()
                .that()
                .resideInAPackage("vn.cungem.campaign")
                .and()
                .doNotHaveSimpleName("Campaigns")
                .and()
                .doNotHaveSimpleName("DemoCampaigns")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(classes);
    }
}
