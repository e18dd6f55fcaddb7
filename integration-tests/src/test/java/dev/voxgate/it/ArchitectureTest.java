package dev.voxgate.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The design card's dependency rules (DESIGN.md §2, §6); a violation fails the build. */
class ArchitectureTest {

    private static final String CORE = "dev.voxgate.core..";
    private static final String PROVIDERS = "dev.voxgate.providers..";
    private static final String ROUTER = "dev.voxgate.router..";
    private static final String CONFIG = "dev.voxgate.config..";
    private static final String SDK = "dev.voxgate.sdk..";
    private static final String PROXY = "dev.voxgate.proxy..";
    private static final String LOCAL = "dev.voxgate.local..";

    private static final String[] SHARED_PROVIDER_PACKAGES = {"dev.voxgate.providers.spi..",
            "dev.voxgate.providers.http..", "dev.voxgate.providers.openaicompat.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.voxgate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.voxgate.core", "dev.voxgate.core.model", "dev.voxgate.core.error", "dev.voxgate.core.audio",
            "dev.voxgate.core.render",
            "dev.voxgate.providers", "dev.voxgate.providers.spi", "dev.voxgate.providers.http",
            "dev.voxgate.providers.openaicompat", "dev.voxgate.providers.openai", "dev.voxgate.providers.azure",
            "dev.voxgate.router", "dev.voxgate.router.strategy", "dev.voxgate.router.internal",
            "dev.voxgate.config", "dev.voxgate.sdk", "dev.voxgate.proxy", "dev.voxgate.local",
            "dev.voxgate.local.internal", "dev.voxgate.local.internal.audio", "dev.voxgate.local.internal.vosk"})
    void everyPackageTheRulesNameExists(String packageName) {
        // A rule over an empty package can never fail, so the packages the rules speak of must be real.
        assertThat(classes.containPackage(packageName)).as(packageName).isTrue();
        assertThat(classes.getPackage(packageName).getClasses()).as(packageName).isNotEmpty();
    }

    @Test
    void coreUsesTheJdkOnly() {
        check(classes().that().resideInAPackage(CORE).should().onlyDependOnClassesThat()
                .resideInAnyPackage(CORE, "java.."));
    }

    @Test
    void routerNeedsNoHttpJsonOrContainer() {
        check(classes().that().resideInAPackage(ROUTER).should().onlyDependOnClassesThat()
                .resideInAnyPackage(ROUTER, CORE, "dev.failsafe..", "java.."));
    }

    @Test
    void providersDependOnCoreAndTheirHttpAndJsonLibrariesOnly() {
        check(classes().that().resideInAPackage(PROVIDERS).should().onlyDependOnClassesThat()
                .resideInAnyPackage(PROVIDERS, CORE, "okhttp3..", "okio..", "com.fasterxml.jackson..",
                        "org.slf4j..", "kotlin..", "java..", "javax.net.."));
    }

    @Test
    void configLoaderDependsOnCoreRouterAndJacksonOnly() {
        check(classes().that().resideInAPackage(CONFIG).should().onlyDependOnClassesThat()
                .resideInAnyPackage(CONFIG, CORE, ROUTER, "com.fasterxml.jackson..", "java.."));
    }

    @Test
    void localEngineDependsOnCoreTheProviderSpiAndVoskOnly() {
        check(classes().that().resideInAPackage(LOCAL).should().onlyDependOnClassesThat()
                .resideInAnyPackage(LOCAL, CORE, "dev.voxgate.providers.spi..", "org.vosk..", "com.sun.jna..",
                        "com.fasterxml.jackson..", "java.."));
    }

    @Test
    void onlyTheProxyUsesTheLocalEngine() {
        // The SDK stays free of the engine and its 70 MB model; the proxy adds it to the provider catalog.
        check(noClasses().that().resideOutsideOfPackages(LOCAL, PROXY).should().dependOnClassesThat()
                .resideInAnyPackage(LOCAL, "org.vosk..", "com.sun.jna.."));
    }

    @Test
    void noModuleBelowTheProxyDeclaresTheLocalEngineInItsPom() throws IOException {
        for (String module : List.of("core", "providers", "router", "config-loader", "sdk")) {
            String pom = Files.readString(Examples.root().resolve(module).resolve("pom.xml"));
            assertThat(pom).as(module + "/pom.xml").doesNotContain("voxgate-local-engine").doesNotContain("vosk");
        }
    }

    @Test
    void sdkNeverReachesTheProxyOrItsWebFramework() {
        check(noClasses().that().resideInAPackage(SDK).should().dependOnClassesThat()
                .resideInAnyPackage(PROXY, "io.javalin..", "org.eclipse.jetty.."));
    }

    @Test
    void nothingBelowTheProxyDependsOnIt() {
        check(noClasses().that().resideOutsideOfPackage(PROXY).should().dependOnClassesThat()
                .resideInAPackage(PROXY));
    }

    @Test
    void guiceStaysInSdkAndProxy() {
        check(noClasses().that().resideInAnyPackage(CORE, PROVIDERS, ROUTER, CONFIG, LOCAL).should()
                .dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject.."));
    }

    @Test
    void javalinAndJettyStayInTheProxy() {
        check(noClasses().that().resideOutsideOfPackage(PROXY).should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty.."));
    }

    @Test
    void vendorsDoNotDependOnEachOtherAndSharedPlumbingKnowsNoVendor() {
        List<String> vendors = vendorPackages();
        assertThat(vendors).contains("dev.voxgate.providers.openai", "dev.voxgate.providers.azure");
        for (String vendor : vendors) {
            String[] others = vendors.stream().filter(other -> !other.equals(vendor)).map(other -> other + "..")
                    .toArray(String[]::new);
            check(noClasses().that().resideInAPackage(vendor + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).allowEmptyShould(true));
        }
        check(noClasses().that().resideInAnyPackage(SHARED_PROVIDER_PACKAGES).should().dependOnClassesThat()
                .resideInAnyPackage(vendors.stream().map(vendor -> vendor + "..").toArray(String[]::new)));
    }

    @Test
    void aVendorPackageExposesItsFactoryAlone() {
        List<String> vendors = vendorPackages();
        assertThat(vendors).contains("dev.voxgate.providers.deepgram", "dev.voxgate.providers.groq");
        check(factoryAlone(vendors.toArray(String[]::new)));
    }

    @Test
    void theFactoryRuleFailsOnAVendorPackageThatExposesMore() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.voxgate.it.fixture.leakyvendor");
        assertThatThrownBy(() -> factoryAlone("dev.voxgate.it.fixture.leakyvendor").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyWireRecord")
                .hasMessageNotContaining("LeakyProviderFactory was");
    }

    private static ArchRule factoryAlone(String... vendorPackages) {
        return classes().that().resideInAnyPackage(vendorPackages).and().arePublic()
                .and().doNotHaveSimpleName("package-info")
                .should().haveSimpleNameEndingWith("ProviderFactory")
                .because("a vendor is reached through the catalog; its wire records and readers are its own");
    }

    @Test
    void internalPackagesAreNotReachedFromOutside() {
        for (String module : List.of("core", "providers", "router", "config", "sdk", "proxy", "local")) {
            String base = "dev.voxgate." + module;
            check(noClasses().that().resideOutsideOfPackage(base + "..").should().dependOnClassesThat()
                    .resideInAPackage(base + "..internal.."));
        }
    }

    @Test
    void packagesHaveNoCycles() {
        check(slices().matching("dev.voxgate.(*)..").should().beFreeOfCycles());
    }

    @Test
    void noUtilOrHelperDumpingGrounds() {
        check(noClasses().should().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Helpers"));
    }

    // Every provider sub-package that is not shared plumbing is one vendor's.
    private static List<String> vendorPackages() {
        return classes.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.voxgate.providers."))
                .map(name -> String.join(".", List.of(name.split("\\.")).subList(0, 4)))
                .filter(name -> !List.of(SHARED_PROVIDER_PACKAGES).contains(name + ".."))
                .distinct().sorted().toList();
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
