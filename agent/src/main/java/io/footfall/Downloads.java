package io.footfall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Plain HTTPS downloads (models, sample clips), following redirects. Thread-safe. */
public final class Downloads {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    private Downloads() {
    }

    /**
     * Writes the body of a GET into a file (the caller moves it into place once checked).
     *
     * @throws IOException naming the URL and the reason: HTTP status, network error, interruption
     */
    public static void toFile(URI uri, Path to) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
        try {
            HttpResponse<Path> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofFile(to));
            if (resp.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + resp.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + " (no network?)";
            throw new IOException("download of " + uri + " failed: " + why, e);
        }
    }
}
