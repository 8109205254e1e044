package io.footfall.cloud.hub;

/** What the hub calls back. Called on SDK threads; implementations must be thread-safe and quick. */
public interface HubHandlers {

    void desiredPatch(DesiredPatch patch);

    MethodReply method(MethodCall call);

    void stateChanged(HubState state, String reason);
}
