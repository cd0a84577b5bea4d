package io.fabricplan.servicebench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One load client of the service (a {@link HttpClient} of its own, HTTP/1.1 with kept-alive connections, as one
 * quoting tool's connection pool): requests timed by wall clock from before sending to the whole answer read.
 */
final class Client {
    static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final URI base;

    Client(URI base) {
        this.base = base;
    }

    /**
     * An answer: its status (-1 when the exchange failed: then {@code failure} says why), body, the Location header
     * and the time from sending to the end of the body.
     */
    record Answer(int status, byte[] body, String location, long nanos, String failure) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The status, or the exception's class when the exchange failed, for the report. */
        String outcome() {
            return status >= 0 ? Integer.toString(status) : failure;
        }
    }

    Answer post(String pathAndQuery, byte[] body, String contentType) {
        return send(request(pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofMinutes(3));
    }

    private Answer send(HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    System.nanoTime() - t0, null);
        } catch (IOException e) {
            return new Answer(-1, new byte[0], null, System.nanoTime() - t0, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, new byte[0], null, System.nanoTime() - t0, "interrupted");
        }
    }
}
