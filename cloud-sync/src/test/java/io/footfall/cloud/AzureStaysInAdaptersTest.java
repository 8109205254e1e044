package io.footfall.cloud;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Azure SDKs stay inside the adapters: the IoT device SDK in {@code io.footfall.cloud.iothub}, the storage and
 * identity SDKs in {@code io.footfall.cloud.blob} (and the Cosmos/Data Factory packages). The logic that decides
 * what to send, when to acknowledge and how to apply the twin sees only Footfall's own ports.
 */
class AzureStaysInAdaptersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.footfall.cloud");
    }

    @Test
    void theIotDeviceSdkOnlyInTheIotHubAdapter() {
        noClasses().that().resideOutsideOfPackage("io.footfall.cloud.iothub..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.azure.sdk.iot..")
                .check(classes);
    }

    @Test
    void azureCoreStorageAndIdentityOnlyInTheirAdapters() {
        noClasses().that().resideOutsideOfPackages("io.footfall.cloud.blob..", "io.footfall.cloud.cli..", "io.footfall.cloud.cosmos..",
                        "io.footfall.cloud.adf..", "io.footfall.cloud.load..", "io.footfall.cloud.report..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..")
                .check(classes);
    }

    @Test
    void theSyncLogicSeesNoSdkTypes() {
        noClasses().that().resideInAnyPackage("io.footfall.cloud.hub..", "io.footfall.cloud.telemetry..",
                        "io.footfall.cloud.twin..", "io.footfall.cloud.methods..", "io.footfall.cloud.upload..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.microsoft.azure..",
                        "com.google.gson..", "io.netty..", "reactor..")
                .check(classes);
    }
}
