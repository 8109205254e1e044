package io.footfall.cloud.iothub;

import java.util.Objects;

/**
 * Who the agent is on IoT Hub. The connection string is a secret: it is never part of {@link #toString()} nor of any
 * message Footfall writes.
 */
public sealed interface HubIdentity {

    /** A device or module connection string ({@code HostName=...;DeviceId=...[;ModuleId=...];SharedAccessKey=...}). */
    record ConnectionString(String secret) implements HubIdentity {
        public ConnectionString {
            Objects.requireNonNull(secret, "secret");
        }

        public boolean isModule() {
            return secret.contains(";ModuleId=") || secret.startsWith("ModuleId=");
        }

        @Override
        public String toString() {
            return "ConnectionString[" + (isModule() ? "module" : "device") + "]";
        }
    }

    /**
     * An IoT Edge module: the SDK reads edgeHub's variables ({@code IOTEDGE_*} with the workload socket, or
     * {@code EdgeHubConnectionString} + {@code EdgeModuleCACertificateFile}) itself.
     */
    record EdgeEnvironment() implements HubIdentity {
    }
}
