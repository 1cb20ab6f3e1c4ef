package casebook.cases;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The model decides and the messages are plain records: no Spring, no servers, no web in either. */
@AnalyzeClasses(packages = "casebook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule plainDomainAndMessages = noClasses()
            .that().resideInAnyPackage("casebook.cases.domain..", "casebook.cases.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "co.elastic..",
                    "org.apache.kafka..", "jakarta.servlet..", "casebook.cases.web..", "casebook.cases.infrastructure..",
                    "casebook.cases.flag..", "casebook.projections..");

    @ArchTest
    static final ArchRule messagesDependOnNothingOfTheService = noClasses()
            .that().resideInAPackage("casebook.cases.api..")
            .should().dependOnClassesThat().resideInAnyPackage("casebook.cases.domain..");

    @ArchTest
    static final ArchRule readModelsKnowOnlyTheMessages = noClasses()
            .that().resideInAPackage("casebook.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("casebook.cases.domain..", "casebook.cases.flag..",
                    "casebook.cases.infrastructure..", "casebook.cases.web..");
}
