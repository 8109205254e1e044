package io.footfall.cloud.hub;

/** The connection as the SDK sees it. Only {@link #CLOSED} needs a new {@code open}; the SDK retries the others. */
public enum HubState {
    CONNECTED, RETRYING, CLOSED
}
