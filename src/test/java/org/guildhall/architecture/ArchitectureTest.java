package org.guildhall.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * DESIGN.md's module rules. Capabilities are the packages directly under org.guildhall except platform;
 * they use each other only through {@code api}; platform knows no capability.
 */
@AnalyzeClasses(packages = "org.guildhall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final Set<String> CAPABILITIES = Set.of("identity", "catalog", "ledger", "chain", "market", "governance",
            "training", "revenue", "admin");
    static final Set<String> LAYERS = Set.of("api", "domain", "application", "infrastructure", "web", "rest", "batch");

    @ArchTest
    static final ArchRule capabilitiesTalkOnlyThroughTheirApi = noClasses()
            .should(new ArchCondition<JavaClass>("use another capability other than through its api package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = capabilityOf(origin);
                    if (from == null) {
                        return;
                    }
                    origin.getDirectDependenciesFromSelf().forEach(d -> {
                        JavaClass target = d.getTargetClass();
                        String to = capabilityOf(target);
                        if (to != null && !to.equals(from) && !target.getPackageName().startsWith("org.guildhall." + to + ".api")) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    });
                }
            });

    @ArchTest
    static final ArchRule platformKnowsNoCapability = noClasses().that().resideInAPackage("org.guildhall.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream().map(c -> "org.guildhall." + c + "..")
                    .toArray(String[]::new));

    @ArchTest
    static final ArchRule capabilityPackagesUseTheKnownLayers = classes().that().resideOutsideOfPackage("org.guildhall.platform..")
            .and().resideInAPackage("org.guildhall.*..")
            .should(new ArchCondition<JavaClass>("live in one of the layers " + LAYERS) {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String[] parts = c.getPackageName().split("\\.");
                    if (parts.length < 4 || !CAPABILITIES.contains(parts[2]) || !LAYERS.contains(parts[3])) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " is not in org.guildhall.<capability>.<layer>"));
                    }
                }
            });

    @ArchTest
    static final ArchRule apiExposesNoEntities = noClasses().that().resideInAPackage("org.guildhall.*.api..")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class);

    @ArchTest
    static final ArchRule entitiesLiveInDomain = classes().that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage("org.guildhall.*.domain..");

    @ArchTest
    static final ArchRule transactionsBeginInApplicationServices = classes().that().areAnnotatedWith(Transactional.class)
            .should().resideInAPackage("org.guildhall.*.application..");

    @ArchTest
    static final ArchRule webAndRestDoNotTouchRepositoriesOrEntities = noClasses()
            .that().resideInAnyPackage("org.guildhall.*.web..", "org.guildhall.*.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.guildhall.*.domain..", "org.guildhall.*.infrastructure..");

    @ArchTest
    static final ArchRule onlyChainKnowsWeb3j = noClasses().that().resideOutsideOfPackage("org.guildhall.chain..")
            .should().dependOnClassesThat().resideInAPackage("org.web3j..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.guildhall.(*)..").should().beFreeOfCycles();

    static String capabilityOf(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        if (parts.length >= 3 && parts[0].equals("org") && parts[1].equals("guildhall") && CAPABILITIES.contains(parts[2])) {
            return parts[2];
        }
        return null;
    }
}
