package io.footfall.cloud.adf;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.datafactory.DataFactoryManager;
import com.azure.resourcemanager.datafactory.models.TriggerResource;
import com.azure.resourcemanager.datafactory.models.TriggerRuntimeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates or updates Footfall's Data Factory objects, idempotently, the way Microsoft's CI/CD script does: stop the
 * trigger (a started trigger cannot be updated, and must not fire mid-deploy), put linked services, datasets,
 * pipeline and trigger (each a create-or-update PUT of the full definition), then start the trigger. Deploying the
 * same definitions twice sends the same requests and leaves the factory as it was. Not thread-safe.
 */
public final class PipelineDeployer {
    private static final Logger log = LoggerFactory.getLogger(PipelineDeployer.class);

    private final DataFactoryManager manager;
    private final AdfTarget target;

    public PipelineDeployer(DataFactoryManager manager, AdfTarget target) {
        this.manager = manager;
        this.target = target;
    }

    /** @return the steps taken, in order, e.g. {@code "put linkedService FootfallCountsBlob"} */
    public List<String> deploy(PipelineDefinitions d) {
        List<String> steps = new ArrayList<>();
        String rg = target.resourceGroup();
        String factory = target.factory();
        if (triggerStarted()) {
            manager.triggers().stop(rg, factory, PipelineDefinitions.TRIGGER);
            step(steps, "stop trigger " + PipelineDefinitions.TRIGGER);
        }
        d.linkedServices().forEach((name, ls) -> {
            manager.linkedServices().define(name).withExistingFactory(rg, factory).withProperties(ls).create();
            step(steps, "put linkedService " + name);
        });
        d.datasets().forEach((name, ds) -> {
            manager.datasets().define(name).withExistingFactory(rg, factory).withProperties(ds).create();
            step(steps, "put dataset " + name);
        });
        manager.pipelines().define(PipelineDefinitions.PIPELINE).withExistingFactory(rg, factory)
                .withActivities(d.activities()).withParameters(d.pipelineParameters())
                .withDescription("Footfall: copy new count files from Blob storage into Cosmos DB.").create();
        step(steps, "put pipeline " + PipelineDefinitions.PIPELINE);
        manager.triggers().define(PipelineDefinitions.TRIGGER).withExistingFactory(rg, factory)
                .withProperties(d.trigger()).create();
        step(steps, "put trigger " + PipelineDefinitions.TRIGGER);
        manager.triggers().start(rg, factory, PipelineDefinitions.TRIGGER);
        step(steps, "start trigger " + PipelineDefinitions.TRIGGER);
        return steps;
    }

    private boolean triggerStarted() {
        try {
            TriggerResource t = manager.triggers().get(target.resourceGroup(), target.factory(), PipelineDefinitions.TRIGGER);
            return t.properties() != null && TriggerRuntimeState.STARTED.equals(t.properties().runtimeState());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void step(List<String> steps, String step) {
        steps.add(step);
        log.info("event=adf_deploy_step factory={} step=\"{}\"", target.factory(), step);
    }
}
