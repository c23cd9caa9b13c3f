package dev.weft.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.weft.application.shared.ProcessingGroups;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;

/**
 * Dependencies flow one way: api -> application -> domain, infrastructure -> application.
 * The domain knows nothing of Spring, JDBC, HTTP or Jackson; Axon's modelling annotations are its only framework.
 */
@AnalyzeClasses(packages = "dev.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("dev.weft.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..", "java.net.http..",
                    "com.fasterxml.jackson..", "tools.jackson..", "org.axonframework.spring..", "jakarta.persistence..")
            .because("the domain must stay plain Java plus Axon's modelling annotations");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses().that().resideInAPackage("dev.weft.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.weft.application..", "dev.weft.infrastructure..", "dev.weft.api..");

    @ArchTest
    static final ArchRule applicationDependsOnlyInward = noClasses().that().resideInAPackage("dev.weft.application..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.weft.infrastructure..", "dev.weft.api..")
            .because("the application layer declares ports; infrastructure implements them");

    @ArchTest
    static final ArchRule applicationUsesNoJdbcOrHttp = noClasses().that().resideInAPackage("dev.weft.application..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.servlet..",
                    "org.springframework.jdbc..", "org.springframework.web..");

    @ArchTest
    static final ArchRule apiDoesNotReachIntoInfrastructure = noClasses().that().resideInAPackage("dev.weft.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.weft.infrastructure..");

    @ArchTest
    static final ArchRule infrastructureDoesNotUseApi = noClasses().that().resideInAPackage("dev.weft.infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("dev.weft.api..");

    @ArchTest
    static final ArchRule commandsLiveWithTheirAggregate = codeUnits().that()
            .areDeclaredInClassesThat().resideInAPackage("dev.weft.domain..")
            .and().areAnnotatedWith(CommandHandler.class)
            .should(new ArchCondition<JavaCodeUnit>("take a command from the aggregate's own package") {
                @Override
                public void check(JavaCodeUnit handler, ConditionEvents events) {
                    JavaClass command = handler.getRawParameterTypes().get(0);
                    boolean samePackage = command.getPackageName().equals(handler.getOwner().getPackageName());
                    events.add(new SimpleConditionEvent(handler, samePackage, command.getName() + " is handled by "
                            + handler.getFullName() + " but lives in another package"));
                }
            })
            .because("a reader finds a command next to the aggregate that decides it");

    @ArchTest
    static final ArchRule processingGroupsHaveOneHome = classes().that().areAnnotatedWith(ProcessingGroup.class)
            .should(new ArchCondition<JavaClass>("name a group declared in ProcessingGroups") {
                @Override
                public void check(JavaClass handler, ConditionEvents events) {
                    String group = handler.getAnnotationOfType(ProcessingGroup.class).value();
                    boolean declared = group.equals(ProcessingGroups.DIRECTORY)
                            || ProcessingGroups.STREAMING.contains(group);
                    events.add(new SimpleConditionEvent(handler, declared, handler.getName()
                            + " is in processing group '" + group + "', which ProcessingGroups does not declare"));
                }
            });

    /** Every package is a slice of its own, subpackages included. */
    @ArchTest
    static final ArchRule eachLayersPackagesAreFreeOfCycles = slices()
            .matching("dev.weft.(**)")
            .should().beFreeOfCycles()
            .because("a package that needs another which needs it back is one package in two folders");
}
