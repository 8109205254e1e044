package io.footfall.cloud;

import io.footfall.cloud.blob.AzureBlobStore;
import io.footfall.cloud.blob.BlobCredentials;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blob credentials the SDK cannot use are configuration errors (IllegalArgumentException, which start-up reports as
 * bad input, exit 2) that name what is wrong and quote none of the secret. No server needed: nothing connects.
 */
class BlobCredentialsErrorsTest {
    private static final String KEY = "U1VQRVJTRUNSRVRLRVk=";
    private static final String SIG = "c2lnbmF0dXJlU0VDUkVU";

    @ParameterizedTest
    @ValueSource(strings = {
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY + ";BlobEndpoint=not a url",
            "BlobEndpoint=ht tp://bad host/acct;SharedAccessSignature=sv=2020-08-04&sig=" + SIG,
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY + ";EndpointSuffix=core.windows.net;Bogus",
            "AccountKey=" + KEY})
    void aMalformedConnectionStringIsAConfigurationErrorThatQuotesNoSecret(String connectionString) {
        assertThatThrownBy(() -> AzureBlobStore.create(new BlobCredentials.ConnectionString(connectionString)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Blob storage connection string is not valid")
                .hasMessageNotContaining(KEY).hasMessageNotContaining(SIG)
                .hasMessageNotContaining("not a url").hasMessageNotContaining("bad host")
                .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BlobEndpoint=not a url;AccountName=acct;AccountKey=" + KEY,
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY + ";BlobEndpoint=http://[::1"})
    void aMalformedBlobEndpointIsNamed(String connectionString) {
        assertThatThrownBy(() -> AzureBlobStore.create(new BlobCredentials.ConnectionString(connectionString)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BlobEndpoint").hasMessageNotContaining(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ht tp://bad url?sv=2020-08-04&sig=" + SIG, "https://acct blob/?sv=2020-08-04&sig=" + SIG})
    void aMalformedSasUrlIsAConfigurationErrorThatQuotesNoSignature(String url) {
        assertThatThrownBy(() -> AzureBlobStore.create(new BlobCredentials.SasUrl(url)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Blob storage SAS URL is not valid").hasMessageNotContaining(SIG);
    }
}
