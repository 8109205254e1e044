package io.footfall.cloud.adf;

import java.util.Map;

/**
 * The data factory to deploy to: subscription, resource group and factory name. Settings from options, falling
 * back to {@code FOOTFALL_ARM_SUBSCRIPTION}, {@code FOOTFALL_ARM_RESOURCE_GROUP}, {@code FOOTFALL_ADF_FACTORY}.
 * Immutable.
 */
public record AdfTarget(String subscriptionId, String resourceGroup, String factory) {
    public static final String SUBSCRIPTION_ENV = "FOOTFALL_ARM_SUBSCRIPTION";
    public static final String RESOURCE_GROUP_ENV = "FOOTFALL_ARM_RESOURCE_GROUP";
    public static final String FACTORY_ENV = "FOOTFALL_ADF_FACTORY";

    public AdfTarget {
        require(subscriptionId, "--subscription", SUBSCRIPTION_ENV);
        require(resourceGroup, "--resource-group", RESOURCE_GROUP_ENV);
        require(factory, "--factory", FACTORY_ENV);
    }

    public static AdfTarget resolve(String subscription, String resourceGroup, String factory, Map<String, String> env) {
        return new AdfTarget(subscription != null ? subscription : env.get(SUBSCRIPTION_ENV),
                resourceGroup != null ? resourceGroup : env.get(RESOURCE_GROUP_ENV),
                factory != null ? factory : env.get(FACTORY_ENV));
    }

    private static void require(String value, String option, String env) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Data Factory: expected " + option + " or " + env);
        }
    }
}
