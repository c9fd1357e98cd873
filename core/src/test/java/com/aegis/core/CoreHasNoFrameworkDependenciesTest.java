package com.aegis.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is pure Java: any framework or I/O library creeping in fails the build. */
class CoreHasNoFrameworkDependenciesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.aegis.core");

    @Test
    void coreDependsOnlyOnTheJdkAndItself() {
        classes().that().resideInAPackage("com.aegis.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.aegis.core..")
                .check(CORE);
    }
}
