package org.ssmworkbench.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is a pure library at the bottom of the dependency graph. */
@AnalyzeClasses(packages = "org.ssmworkbench.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdkAndItself = classes()
            .that().resideInAPackage("org.ssmworkbench.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ssmworkbench.core..")
            .because("the core is a pure library: file formats, CLI, report and web depend on it, never the reverse");

    @ArchTest
    static final ArchRule beliefFunctionsDoNotKnowTheSsmScale = noClasses()
            .that().resideInAPackage("org.ssmworkbench.core.belief..")
            .should().dependOnClassesThat().resideInAPackage("org.ssmworkbench.core.ssm..")
            .because("the belief engine works on any frame; the SSM scale builds on it");
}
