package io.footfall.cloud.adf;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.datafactory.DataFactoryManager;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Connects to Azure Resource Manager for Data Factory. Against Azure: the public cloud's ARM endpoint and the
 * environment's identity ({@code DefaultAzureCredential}: managed identity, workload identity, az login). With
 * {@code --arm-endpoint http://127.0.0.1:PORT/} (a local stand-in such as a test server): that endpoint and no
 * credentials, since a bearer token must never travel over plain HTTP. Stateless.
 */
public final class ArmConnection {
    private ArmConnection() {
    }

    public static DataFactoryManager manager(AdfTarget target, Optional<URI> armEndpoint) {
        if (armEndpoint.isEmpty()) {
            AzureProfile profile = new AzureProfile(null, target.subscriptionId(), AzureEnvironment.AZURE);
            TokenCredential credential = new DefaultAzureCredentialBuilder().build();
            return DataFactoryManager.authenticate(credential, profile);
        }
        URI endpoint = armEndpoint.get();
        if (!"http".equals(endpoint.getScheme()) || !isLoopback(endpoint.getHost())) {
            throw new IllegalArgumentException("--arm-endpoint " + endpoint + ": expected a local stand-in "
                    + "http://127.0.0.1:PORT/ (Azure's own endpoint is the default)");
        }
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        String url = endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
        endpoints.put("resourceManagerEndpointUrl", url);
        AzureProfile profile = new AzureProfile(null, target.subscriptionId(), new AzureEnvironment(endpoints));
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .policies(new UserAgentPolicy("footfall"), new RetryPolicy())
                .build();
        return DataFactoryManager.authenticate(pipeline, profile);
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
