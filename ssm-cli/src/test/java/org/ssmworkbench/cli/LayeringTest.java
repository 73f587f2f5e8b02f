package org.ssmworkbench.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the modules above the core (core ← io ← report ← web ← cli): files are parsed inside
 * the format package, and everything else works on domain types.
 */
@AnalyzeClasses(packages = "org.ssmworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule reportAndCliSeeNoParseTypes = noClasses()
            .that().resideInAnyPackage("org.ssmworkbench.report..", "org.ssmworkbench.web..", "org.ssmworkbench.cli..")
            .should().dependOnClassesThat().haveNameMatching("org\\.ssmworkbench\\.io\\.project\\.ProjectFiles(\\$.*)?")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.ssmworkbench.io.project.ProjectSources")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.yaml.snakeyaml..")
            .because("report, web and CLI work on the domain model (Project, Synthesis, StudyDescription, ...);"
                    + " the files as parsed stay in the format package");

    @ArchTest
    static final ArchRule reportReadsNoJsonTrees = noClasses()
            .that().resideInAPackage("org.ssmworkbench.report..")
            .should().dependOnClassesThat().haveNameMatching("com\\.fasterxml\\.jackson\\.databind\\.(JsonNode|node\\..*)")
            .because("the report reads domain types, not parsed JSON or YAML trees");

    @ArchTest
    static final ArchRule ioDependsOnNeitherReportNorCli = noClasses()
            .that().resideInAPackage("org.ssmworkbench.io..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ssmworkbench.report..", "org.ssmworkbench.cli..")
            .because("file formats sit below the report and the command line");

    @ArchTest
    static final ArchRule reportDependsNotOnCli = noClasses()
            .that().resideInAPackage("org.ssmworkbench.report..")
            .should().dependOnClassesThat().resideInAPackage("org.ssmworkbench.cli..")
            .because("the report is a library the command line (and later the workbench) calls");

    @ArchTest
    static final ArchRule nothingBelowDependsOnTheWeb = noClasses()
            .that().resideInAnyPackage("org.ssmworkbench.core..", "org.ssmworkbench.io..", "org.ssmworkbench.report..")
            .should().dependOnClassesThat().resideInAPackage("org.ssmworkbench.web..")
            .because("the workbench is a client of core, io and report, like the command line");

    @ArchTest
    static final ArchRule webDependsNotOnCli = noClasses()
            .that().resideInAPackage("org.ssmworkbench.web..")
            .should().dependOnClassesThat().resideInAPackage("org.ssmworkbench.cli..")
            .because("the command line starts the workbench, not the other way round");
}
