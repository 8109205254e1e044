package io.footfall.ops;

import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentExtension;
import io.footfall.agent.spi.AgentService;
import io.footfall.config.FootfallConfig;
import io.footfall.config.OpsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * Opens the operations endpoint ({@link OpsService}) when {@code ops:} says so, or, left unsaid, when the agent runs
 * as an IoT Edge module (edgeAgent sets {@value #MODULE_ID_VARIABLE} in every module). Found by
 * {@link java.util.ServiceLoader} like cloud sync, so the agent names no implementation. Stateless.
 */
public final class OpsExtension implements AgentExtension {
    /** Set by IoT Edge in every module's environment. */
    static final String MODULE_ID_VARIABLE = "IOTEDGE_MODULEID";
    private static final Logger log = LoggerFactory.getLogger(OpsExtension.class);

    @Override
    public String name() {
        return "ops";
    }

    @Override
    public void check(FootfallConfig config, Map<String, String> env) {
        OpsSettings s = config.ops();
        boolean module = edgeModule(env);
        if (s.on(module)) {
            OpsServer.checkFree(s.bindAddress(module), s.port());
        }
    }

    @Override
    public Optional<AgentService> open(AgentContext context) {
        OpsSettings s = context.config().ops();
        boolean module = context.env(MODULE_ID_VARIABLE).isPresent();
        if (!s.on(module)) {
            log.info("event=ops_off reason={}", s.enabled().isPresent() ? "ops.enabled_false" : "not_an_iot_edge_module");
            return Optional.empty();
        }
        return Optional.of(OpsService.open(context, s, s.bindAddress(module)));
    }

    private static boolean edgeModule(Map<String, String> env) {
        String v = env.get(MODULE_ID_VARIABLE);
        return v != null && !v.isBlank();
    }
}
