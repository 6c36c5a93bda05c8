package org.cameraregistry.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountRegistered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules of docs/adr/0006, on the compiled main classes of every module: services share
 * only the event contracts (and the chassis, which has no domain); nothing shared depends on a
 * service; the local stack and the gateway know services only by the catalog.
 */
class ModuleRulesTest {

    private static final String ROOT = "org.cameraregistry.";

    /** Each service's root package, by module. */
    private static final Map<String, String> SERVICES = Map.of(
            "registry-service", "registry",
            "geo-search-service", "geo",
            "access-control-service", "access",
            "notification-service", "notification",
            "device-gateway-service", "device",
            "identity-service", "identity");

    private static final String EVENTS = ROOT + "events..";
    private static final String CHASSIS = ROOT + "chassis..";
    private static final String CATALOG = ROOT + "catalog..";
    private static final String OUTBOX = ROOT + "outbox..";
    private static final List<String> SHARED = List.of(EVENTS, CHASSIS, CATALOG, OUTBOX, ROOT + "cli..", ROOT + "testkit..", ROOT + "embedded..");

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cameraregistry");
    }

    @Test
    void everyModuleIsThere() {
        List<String> roots = new ArrayList<>(SERVICES.values());
        roots.addAll(List.of("events", "chassis", "catalog", "testkit", "embedded", "gateway", "localstack"));
        for (String root : roots) {
            assertThat(classes.stream().anyMatch(type -> type.getPackageName().startsWith(ROOT + root)))
                    .as("classes of %s on this module's test classpath; without them the rules below check nothing", root)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceUsesOnlyItsOwnClassesTheEventContractsTheChassisAndTheOutbox(String service) {
        onlyUses(ROOT + SERVICES.get(service) + "..", EVENTS, CHASSIS, OUTBOX);
    }

    @Test
    void theGatewayKnowsServicesOnlyByTheCatalog() {
        onlyUses(ROOT + "gateway..", CATALOG);
    }

    @Test
    void theLocalStackRunsServicesWithoutTheirCode() {
        // camera-cli is a client of the platform, as a user's script is: the demo loader signs in with it.
        onlyUses(ROOT + "localstack..", CATALOG, EVENTS, ROOT + "embedded..", ROOT + "cli..");
    }

    @Test
    void nothingSharedDependsOnAServiceTheGatewayOrTheLocalStack() {
        List<String> notShared = new ArrayList<>();
        SERVICES.values().forEach(root -> notShared.add(ROOT + root + ".."));
        notShared.add(ROOT + "gateway..");
        notShared.add(ROOT + "localstack..");
        noClasses().that().resideInAnyPackage(SHARED.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(notShared.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void theEventContractsDependOnNothingElseOfThePlatform() {
        onlyUses(EVENTS);
    }

    @Test
    void onlyIdentityAndNotificationServiceHandleTheEventsThatCarryAnAddress() {
        noClasses().that().resideOutsideOfPackages(EVENTS, ROOT + "identity..", ROOT + "notification..")
                .should().dependOnClassesThat().haveFullyQualifiedName(AccountRegistered.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(AccountEmailChanged.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(AccountEmailChangeRequested.class.getName())
                .because("an account's email address is kept by identity-service and notification-service only"
                        + " (docs/adr/0009)")
                .check(classes);
    }

    /** Classes of {@code own} use nothing of the platform but {@code own} and {@code allowed}; any library is fine. */
    private static void onlyUses(String own, String... allowed) {
        List<String> packages = new ArrayList<>(List.of(allowed));
        packages.add(own);
        classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.cameraregistry..")
                        .or(resideInAnyPackage(packages.toArray(String[]::new))))
                .check(classes);
    }

    static List<String> services() {
        return SERVICES.keySet().stream().sorted().toList();
    }
}
