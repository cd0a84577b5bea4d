package io.fabricplan.servicebench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./fabricplan serve --port 0 FLAGS} as a process of its own (its own JVM, as a user runs it; the launcher
 * {@code exec}s java, so the process id is the JVM's): started from the repository root, its address read from the
 * line {@code fabricplan serving on http://127.0.0.1:PORT ...} it prints, its output kept in {@code serve.out} and
 * {@code serve.err} of a log folder. {@link #close} sends SIGTERM (the service's graceful stop) and waits.
 */
final class ServerProcess implements AutoCloseable {
    static final String SERVING = "fabricplan serving on ";

    private final Process process;
    private final URI base;
    private final String banner;
    private final List<String> command;

    private ServerProcess(Process process, URI base, String banner, List<String> command) {
        this.process = process;
        this.base = base;
        this.banner = banner;
        this.command = command;
    }

    /** Starts the service and waits (at most 5 minutes: the launcher may build the jar first) until it serves. */
    static ServerProcess start(Path root, List<String> flags, Path logDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("fabricplan").toString(), "serve", "--port",
                "0"));
        command.addAll(flags);
        Files.createDirectories(logDir);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve("serve.err").toFile()));
        Process p = pb.start();
        CompletableFuture<String> serving = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(logDir.resolve("serve.out")), true)) {
                for (String line; (line = in.readLine()) != null; ) {
                    log.println(line);
                    if (line.startsWith(SERVING)) {
                        serving.complete(line);
                    }
                }
            } catch (IOException e) {
                serving.completeExceptionally(e);
            }
            serving.completeExceptionally(new IOException("the service ended without serving (exit "
                    + exitOf(p) + "); see " + logDir.resolve("serve.err")));
        }, "serve-stdout");
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = serving.get(5, TimeUnit.MINUTES);
        } catch (TimeoutException | InterruptedException | java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
            throw new IOException("fabricplan serve did not start: " + (e.getCause() != null ? e.getCause() : e), e);
        }
        return new ServerProcess(p, addressIn(line), line, command);
    }

    /** The address in the service's banner line. */
    static URI addressIn(String banner) {
        if (!banner.startsWith(SERVING)) {
            throw new IllegalArgumentException("not the serving line: " + banner);
        }
        String rest = banner.substring(SERVING.length());
        int end = rest.indexOf(' ');
        return URI.create(end < 0 ? rest : rest.substring(0, end));
    }

    private static String exitOf(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    String banner() {
        return banner;
    }

    /** The command as run, for the report. */
    String commandLine() {
        return String.join(" ", command).replace(command.get(0), "./fabricplan");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then at most 60 s for the graceful stop, then SIGKILL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
