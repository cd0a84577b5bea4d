package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.json.InstanceJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricplan serve} as a process: it prints where it serves, answers over HTTP (health, a quote, a job whose
 * plan is checked by {@code fabricplan check}), and SIGTERM stops it cleanly, its jobs kept in {@code --data}.
 */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("fabricplan serving on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void servesOverHttpUntilSigtermAndKeepsItsJobsInTheDataFolder() throws Exception {
        Path data = dir.resolve("jobs");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Fabricplan.class.getName(), "serve",
                "--port", "0", "--data", data.toString()).redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8));
            String base = null;
            // the process prints nothing more once it serves: stop reading at that line (a timeout guards the wait)
            java.util.concurrent.Future<String> served = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "serve output");
                t.setDaemon(true);
                return t;
            }).submit(() -> {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            });
            base = served.get(120, TimeUnit.SECONDS);
            assertThat(base).as("the address it serves: %s", output).isNotNull();
            HttpClient http = HttpClient.newHttpClient();
            String tiny = InstanceJson.toJson(Examples.tiny());

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> quote = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/quote"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(tiny))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"durable\":true");
            assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
            Path instance = Files.writeString(dir.resolve("tiny.json"), tiny);
            Path plan = Files.writeString(dir.resolve("plan.json"), quote.body());
            CliRun check = CliRun.of("check", instance.toString(), plan.toString());
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out()).contains("check passed");

            new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
            assertThat(String.join("\n", output)).contains("fabricplan serve: stopped")
                    .doesNotContain("Exception", "\tat ");
            assertThat(data.resolve(".lock")).exists();
        } finally {
            serve.destroyForcibly().waitFor();
        }
    }
}
