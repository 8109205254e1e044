package io.footfall.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Holds the data flow of the brief: Source → Detector → Tracker → Analytics → Outbox → Uplink. */
class LayeringTest {

    private static JavaClasses agent;

    @BeforeAll
    static void importAgent() {
        agent = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.footfall");
    }

    @Test
    void theAgentNeverTouchesAzure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.microsoft.azure..")
                .because("only cloud-sync talks to Azure").check(agent);
    }

    @Test
    void trackingAndCountingKnowNothingOfVideoStorageOrOutput() {
        noClasses().that().resideInAnyPackage("io.footfall.track..", "io.footfall.count..")
                .should().dependOnClassesThat().resideInAnyPackage("io.footfall.video..", "io.footfall.store..",
                        "io.footfall.pipeline..", "io.footfall.cli..", "io.footfall.schema..", "org.bytedeco..")
                .check(agent);
    }

    @Test
    void detectorsKnowNothingOfTrackingCountingOrStorage() {
        noClasses().that().resideInAnyPackage("io.footfall.detect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.footfall.track..", "io.footfall.count..",
                        "io.footfall.store..", "io.footfall.pipeline..", "io.footfall.cli..")
                .check(agent);
    }

    @Test
    void theStoreIsGenericOverWhatItKeeps() {
        noClasses().that().resideInAnyPackage("io.footfall.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.footfall.count..", "io.footfall.track..",
                        "io.footfall.detect..", "io.footfall.pipeline..")
                .check(agent);
    }

    @Test
    void packagesHaveNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("io.footfall.(*)..")
                .should().beFreeOfCycles().check(agent);
    }

    @Test
    void onlyTheCliLayerUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("io.footfall.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..").check(agent);
    }

    @Test
    void commandsDoNoWiringTheCompositionRootDoes() {
        noClasses().that().resideInAPackage("io.footfall.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.footfall.pipeline.OutboxSink")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.footfall.pipeline.Sinks")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.footfall.pipeline.Retention")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.footfall.detect.DetectorFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.footfall.job.RunRecord")
                .orShould().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("CameraPipeline"))))
                .because("commands parse, call io.footfall.agent.Agent and map exit codes; assembly lives in one place")
                .check(agent);
    }

    @Test
    void theConfigSchemaIsTheOnlyConfigParser() {
        noClasses().that().resideOutsideOfPackages("io.footfall.config..")
                .should().dependOnClassesThat().resideInAnyPackage("com.networknt..")
                .because("every configuration document goes through ConfigLoader and its JSON Schema").check(agent);
        noClasses().that().resideOutsideOfPackages("io.footfall.config..")
                .should().callConstructor(io.footfall.config.CameraOverrides.class, java.util.Optional.class, java.util.Optional.class,
                        java.util.Optional.class, java.util.Optional.class)
                .because("per-camera overrides are bound from the schema's sections only").check(agent);
    }

    @Test
    void extensionPortsStayFreeOfTheirImplementations() {
        noClasses().that().resideInAPackage("io.footfall.agent.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.footfall.pipeline..", "io.footfall.video..",
                        "io.footfall.detect..", "io.footfall.cli..")
                .because("cloud-sync implements the ports against the agent's contract, not its internals").check(agent);
    }
}
