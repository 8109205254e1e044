package io.footfall.agent.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.config.FootfallConfig;

import java.util.List;

/** Live operations on a running agent. Thread-safe: called from SDK callback threads. */
public interface AgentControl {

    /**
     * Validates a configuration document (the config file's schema, e.g. a twin's desired properties without
     * {@code $version}/{@code $metadata}) and applies it live: lines moved, zones added, cameras added or removed,
     * the interval changed. The applied configuration is saved in the outbox's config history before it runs.
     *
     * @return the configuration now running
     * @throws io.footfall.config.ConfigException when the document is rejected; the old configuration keeps running
     */
    FootfallConfig apply(JsonNode document);

    /** The configuration running now. */
    FootfallConfig current();

    AgentStatus status();

    /** The latest annotated (and anonymised) frame of every camera that has one. */
    List<Snapshot> snapshots();

    /** Changes a logger's level at run time ({@code io.footfall}, {@code ROOT}); a bad level is a BadInputException. */
    void setLogLevel(String logger, String level);
}
