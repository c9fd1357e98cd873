package com.aegis.workflows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The one-way dependency rule: workflows see only the JDK, core and the Temporal SDK. */
class WorkflowsDependencyRuleTest {

    private final JavaClasses workflows = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.aegis.workflows");

    @Test
    void workflowsDependOnlyOnCoreAndTemporal() {
        classes().that().resideInAPackage("com.aegis.workflows..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.aegis.workflows..", "com.aegis.core..", "io.temporal..",
                        // Workflow.getLogger hands out an SLF4J logger; it is part of the SDK's API.
                        "org.slf4j..")
                .check(workflows);
    }

    @Test
    void workflowsNeverSeeAdaptersOrFrameworks() {
        noClasses().that().resideInAPackage("com.aegis.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.aegis.activities..", "com.aegis.workers..", "com.aegis.realtime..",
                        "org.springframework..", "org.jooq..", "io.lettuce..", "org.apache.kafka..")
                .check(workflows);
    }
}
