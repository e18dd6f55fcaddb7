package dev.voxgate.it;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The design card's dependency rules (DESIGN.md §2, §6); a violation fails the build. Every rule is written once, as
 * a function of the classes it speaks of, and is checked twice: it holds over the production classes, and it fails
 * on a fixture under {@code dev.voxgate.it.fixture} that breaks it on purpose, so that no rule can pass for being
 * vacuous.
 */
class ArchitectureTest {

    private static final String CORE = "dev.voxgate.core..";
    private static final String PROVIDERS = "dev.voxgate.providers..";
    private static final String ROUTER = "dev.voxgate.router..";
    private static final String CONFIG = "dev.voxgate.config..";
    private static final String SDK = "dev.voxgate.sdk..";
    private static final String PROXY = "dev.voxgate.proxy..";
    private static final String LOCAL = "dev.voxgate.local..";
    private static final String METRICS = "dev.voxgate.metrics..";
    private static final String TRACING = "dev.voxgate.tracing..";
    private static final String KEY_DATABASE = "dev.voxgate.keys.postgres..";
    private static final String CLI = "dev.voxgate.cli..";
    private static final String FIXTURE = "dev.voxgate.it.fixture.";
    private static final String REACHES_EVERYTHING = FIXTURE + "reacheseverything..";

    private static final String[] SHARED_PROVIDER_PACKAGES = {"dev.voxgate.providers.spi..",
            "dev.voxgate.providers.http..", "dev.voxgate.providers.openaicompat.."};

    private static JavaClasses classes;

    /** One dependency rule: its name, the rule over a set of subject classes, and the production subjects. */
    record DependencyRule(String name, Function<DescribedPredicate<? super JavaClass>, ArchRule> rule,
                          DescribedPredicate<? super JavaClass> production) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void importProductionClasses() {
        // Tests that other modules' tests reuse (the providers' job fakes, shared-state's RedisServer, the keys'
        // PostgresServer) come as test-jars, which DO_NOT_INCLUDE_TESTS does not recognise; they are tests all the same.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.voxgate");
    }

    static Stream<DependencyRule> dependencyRules() {
        return Stream.of(
                new DependencyRule("core uses the JDK only", subject -> onlyDependOn(subject, CORE, "java.."),
                        resideInAPackage(CORE)),
                new DependencyRule("the router needs no HTTP, JSON or container", subject -> onlyDependOn(subject,
                        ROUTER, CORE, "java.."), resideInAPackage(ROUTER)),
                new DependencyRule("providers depend on core and their HTTP and JSON libraries only",
                        subject -> onlyDependOn(subject, PROVIDERS, CORE, "okhttp3..", "okio..",
                                "com.fasterxml.jackson..", "org.slf4j..", "kotlin..", "java..", "javax.net.."),
                        resideInAPackage(PROVIDERS)),
                new DependencyRule("the config-loader depends on core, router and Jackson only",
                        subject -> onlyDependOn(subject, CONFIG, CORE, ROUTER, "com.fasterxml.jackson..", "java.."),
                        resideInAPackage(CONFIG)),
                new DependencyRule("the metrics depend on core, the router and Micrometer only",
                        subject -> onlyDependOn(subject, METRICS, CORE, ROUTER, "io.micrometer..", "java.."),
                        resideInAPackage(METRICS)),
                // The router publishes what it does through its listener; meters are an adapter at the edge.
                new DependencyRule("Micrometer stays in the metrics and the proxy", subject -> noClasses()
                        .that(subject).should().dependOnClassesThat().resideInAPackage("io.micrometer.."),
                        resideOutsideOfPackages(METRICS, PROXY)),
                new DependencyRule("the local engine depends on core, the provider SPI and Vosk only",
                        subject -> onlyDependOn(subject, LOCAL, CORE, "dev.voxgate.providers.spi..", "org.vosk..",
                                "com.sun.jna..", "com.fasterxml.jackson..", "java.."), resideInAPackage(LOCAL)),
                // The SDK stays free of the engine and its 70 MB model; the proxy and the CLI, the two programs, add
                // it to the provider catalog.
                new DependencyRule("only the proxy and the CLI use the local engine", subject -> noClasses()
                        .that(subject).should().dependOnClassesThat().resideInAnyPackage(LOCAL, "org.vosk..",
                                "com.sun.jna.."), resideOutsideOfPackages(LOCAL, PROXY, CLI)),
                new DependencyRule("the CLI stands on the SDK's modules, the local engine, picocli, OkHttp and Jackson",
                        subject -> onlyDependOn(subject, CLI, SDK, CONFIG, ROUTER, PROVIDERS, CORE, LOCAL,
                                "picocli..", "okhttp3..", "okio..", "kotlin..", "com.fasterxml.jackson..", "java.."),
                        resideInAPackage(CLI)),
                new DependencyRule("the SDK never reaches the proxy or its web framework", subject -> noClasses()
                        .that(subject).should().dependOnClassesThat().resideInAnyPackage(PROXY, "io.javalin..",
                                "org.eclipse.jetty.."), resideInAPackage(SDK)),
                new DependencyRule("nothing below the proxy depends on it", subject -> noClasses().that(subject)
                        .should().dependOnClassesThat().resideInAPackage(PROXY), resideOutsideOfPackages(PROXY)),
                new DependencyRule("Guice stays in the SDK and the proxy", subject -> noClasses().that(subject)
                        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                                "javax.inject.."), resideInAPackage(CORE).or(resideInAPackage(PROVIDERS))
                        .or(resideInAPackage(ROUTER)).or(resideInAPackage(CONFIG)).or(resideInAPackage(LOCAL))),
                new DependencyRule("Javalin and Jetty stay in the proxy", subject -> noClasses().that(subject)
                        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty.."),
                        resideOutsideOfPackages(PROXY)),
                // Everything else logs through SLF4J or System.Logger, so the log's format is decided in one place.
                new DependencyRule("logback stays in the proxy's logging package", subject -> noClasses()
                        .that(subject).should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback.."),
                        resideOutsideOfPackages("dev.voxgate.proxy.logging..")),
                new DependencyRule("tracing depends on core, the router, OpenTelemetry and OkHttp only",
                        subject -> onlyDependOn(subject, TRACING, CORE, ROUTER, "io.opentelemetry..", "okhttp3..",
                                "java.."), resideInAPackage(TRACING)),
                // The key rules and their cache are the proxy's port; where keys are kept is an adapter beside them.
                new DependencyRule("the keys' rules depend on core, the router and the JDK only",
                        subject -> onlyDependOn(subject, "dev.voxgate.keys", CORE, ROUTER, "java.lang..",
                                "java.math..", "java.nio..", "java.security..", "java.time..", "java.util.."),
                        resideInAPackage("dev.voxgate.keys")),
                new DependencyRule("JDBC, HikariCP and Flyway stay in the key database adapter", subject -> noClasses()
                        .that(subject).should().dependOnClassesThat().resideInAnyPackage("java.sql..",
                                "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..", "org.postgresql.."),
                        resideOutsideOfPackages(KEY_DATABASE)),
                new DependencyRule("OpenTelemetry stays in the tracing module", subject -> noClasses().that(subject)
                        .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry.."),
                        resideOutsideOfPackages(TRACING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dependencyRules")
    void dependencyRuleHolds(DependencyRule rule) {
        check(rule.rule().apply(rule.production()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dependencyRules")
    void dependencyRuleFailsOnAClassThatBreaksIt(DependencyRule rule) {
        JavaClasses fixture = fixture("reacheseverything");
        assertThatThrownBy(() -> rule.rule().apply(resideInAPackage(REACHES_EVERYTHING)).check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ReachesEverything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.voxgate.core", "dev.voxgate.core.model", "dev.voxgate.core.error", "dev.voxgate.core.audio",
            "dev.voxgate.core.render",
            "dev.voxgate.providers", "dev.voxgate.providers.spi", "dev.voxgate.providers.http",
            "dev.voxgate.providers.openaicompat", "dev.voxgate.providers.openai", "dev.voxgate.providers.azure",
            "dev.voxgate.router", "dev.voxgate.router.strategy", "dev.voxgate.router.state",
            "dev.voxgate.config", "dev.voxgate.config.litellm", "dev.voxgate.metrics", "dev.voxgate.sdk",
            "dev.voxgate.proxy", "dev.voxgate.proxy.logging",
            "dev.voxgate.local",
            "dev.voxgate.local.internal.vosk", "dev.voxgate.tracing", "dev.voxgate.cli", "dev.voxgate.keys",
            "dev.voxgate.keys.postgres"})
    void everyPackageTheRulesNameExists(String packageName) {
        // A rule over an empty package can never fail, so the packages the rules speak of must be real.
        assertThat(classes.containPackage(packageName)).as(packageName).isTrue();
        assertThat(classes.getPackage(packageName).getClasses()).as(packageName).isNotEmpty();
    }

    @Test
    void noModuleBelowTheProxyDeclaresTheLocalEngineInItsPom() throws IOException {
        for (String module : List.of("core", "providers", "router", "config-loader", "sdk")) {
            String pom = Files.readString(Examples.root().resolve(module).resolve("pom.xml"));
            assertThat(pom).as(module + "/pom.xml").doesNotContain("voxgate-local-engine").doesNotContain("vosk");
        }
    }

    @Test
    void vendorsDoNotDependOnEachOtherAndSharedPlumbingKnowsNoVendor() {
        List<String> vendors = vendorPackages();
        assertThat(vendors).contains("dev.voxgate.providers.openai", "dev.voxgate.providers.azure");
        check(vendorsApart(vendors));
        check(noClasses().that().resideInAnyPackage(SHARED_PROVIDER_PACKAGES).should().dependOnClassesThat()
                .resideInAnyPackage(vendors.stream().map(vendor -> vendor + "..").toArray(String[]::new)));
    }

    @Test
    void theVendorRuleFailsOnAVendorThatReachesIntoAnother() {
        List<String> vendors = List.of(FIXTURE + "vendors.alpha", FIXTURE + "vendors.beta");
        assertThatThrownBy(() -> vendorsApart(vendors).check(fixture("vendors")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AlphaProviderFactory");
    }

    @Test
    void aVendorPackageExposesItsFactoryAlone() {
        List<String> vendors = vendorPackages();
        assertThat(vendors).contains("dev.voxgate.providers.deepgram", "dev.voxgate.providers.groq");
        check(factoryAlone(vendors.toArray(String[]::new)));
    }

    @Test
    void theFactoryRuleFailsOnAVendorPackageThatExposesMore() {
        assertThatThrownBy(() -> factoryAlone(FIXTURE + "leakyvendor").check(fixture("leakyvendor")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyWireRecord")
                .hasMessageNotContaining("LeakyProviderFactory was");
    }

    @Test
    void internalPackagesAreNotReachedFromOutside() {
        // Only modules that have an internal package get the rule: over any other it could never fail.
        List<String> modules = classes.stream().map(JavaClass::getPackageName)
                .filter(name -> name.contains(".internal"))
                .map(name -> name.substring(0, name.indexOf(".internal"))).distinct().sorted().toList();
        assertThat(modules).contains("dev.voxgate.local");
        modules.forEach(module -> check(internalStaysInside(module)));
    }

    @Test
    void theInternalRuleFailsOnCodeThatReachesInside() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE + "module", FIXTURE + "outside");
        assertThatThrownBy(() -> internalStaysInside(FIXTURE + "module").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ReachesInside");
    }

    @Test
    void packagesHaveNoCycles() {
        check(noCycles());
    }

    @Test
    void theCycleRuleFailsOnTwoPackagesThatNeedEachOther() {
        assertThatThrownBy(() -> noCycles().check(fixture("cycle")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Upstairs").hasMessageContaining("Downstairs");
    }

    @Test
    void noUtilOrHelperDumpingGrounds() {
        check(noDumpingGrounds());
    }

    @Test
    void theNamingRuleFailsOnAHelper() {
        assertThatThrownBy(() -> noDumpingGrounds().check(fixture("dumping")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("StringHelper");
    }

    private static ArchRule onlyDependOn(DescribedPredicate<? super JavaClass> subject, String... allowed) {
        return classes().that(subject).should().onlyDependOnClassesThat().resideInAnyPackage(allowed);
    }

    private static ArchRule vendorsApart(List<String> vendors) {
        List<ArchRule> rules = vendors.stream().map(vendor -> (ArchRule) noClasses().that()
                .resideInAPackage(vendor + "..").should().dependOnClassesThat().resideInAnyPackage(vendors.stream()
                        .filter(other -> !other.equals(vendor)).map(other -> other + "..").toArray(String[]::new))
                .allowEmptyShould(true)).toList();
        CompositeArchRule all = CompositeArchRule.of(rules.getFirst());
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    private static ArchRule factoryAlone(String... vendorPackages) {
        return classes().that().resideInAnyPackage(vendorPackages).and().arePublic()
                .and().doNotHaveSimpleName("package-info")
                .should().haveSimpleNameEndingWith("ProviderFactory")
                .because("a vendor is reached through the catalog; its wire records and readers are its own");
    }

    private static ArchRule internalStaysInside(String module) {
        return noClasses().that().resideOutsideOfPackage(module + "..").should().dependOnClassesThat()
                .resideInAPackage(module + "..internal..");
    }

    // Every package is a slice of its own, so a cycle between two packages of one module counts as much as one
    // between modules.
    private static ArchRule noCycles() {
        return slices().matching("dev.voxgate.(**)").should().beFreeOfCycles();
    }

    private static ArchRule noDumpingGrounds() {
        return noClasses().should().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Helpers");
    }

    // Every provider sub-package that is not shared plumbing is one vendor's.
    private static List<String> vendorPackages() {
        return classes.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.voxgate.providers."))
                .map(name -> String.join(".", List.of(name.split("\\.")).subList(0, 4)))
                .filter(name -> !List.of(SHARED_PROVIDER_PACKAGES).contains(name + ".."))
                .distinct().sorted().toList();
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURE + name);
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
