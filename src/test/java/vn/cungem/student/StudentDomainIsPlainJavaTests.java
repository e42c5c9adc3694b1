package vn.cungem.student;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The registry's rules (validation, priority, duplicates, status moves, the cipher) run without Spring or a database. */
class StudentDomainIsPlainJavaTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cungem.student");

    @Test
    void domainClassesUseNeitherSpringNorJdbc() {
        noClasses()
                .that()
                .resideInAPackage("vn.cungem.student")
                .and()
                .doNotHaveSimpleName("Students")
                .and()
                .doNotHaveSimpleName("StudentIdKeyGuard")
                .and()
                // the generator's entry point, a service like Students (its rows come from student.internal)
                .doNotHaveSimpleName("StudentBulkLoad")
                .and()
                .doNotHaveSimpleName("AllocationRoster")
                .and()
                // services of the module's API like Students: a page of names for the plan pages, the home page's late
                // schools
                .doNotHaveSimpleName("StudentNames")
                .and()
                .doNotHaveSimpleName("LateSchools")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(classes);
    }
}
