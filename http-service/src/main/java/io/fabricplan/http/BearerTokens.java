package io.fabricplan.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bearer tokens a service accepts ({@code --token-file}: one token per line; blank lines and lines starting
 * with {@code #} ignored). A presented token is compared with every accepted one through SHA-256 digests and
 * {@link MessageDigest#isEqual}, which takes the same time wherever the bytes differ, and without stopping at the
 * first match: the time of an answer tells nothing about a token.
 */
final class BearerTokens {
    private static final String SCHEME = "bearer ";
    private final List<byte[]> digests;

    private BearerTokens(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /** Accepts these tokens. */
    static BearerTokens of(List<String> tokens) {
        List<byte[]> d = new ArrayList<>();
        for (String t : tokens) {
            if (t.isBlank()) {
                throw new IllegalArgumentException("a bearer token is blank");
            }
            d.add(digest(t));
        }
        if (d.isEmpty()) {
            throw new IllegalArgumentException("no bearer tokens given");
        }
        return new BearerTokens(d);
    }

    /**
     * The tokens of a token file.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no token, saying which
     */
    static BearerTokens read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the token file " + file + ": " + e.getMessage()
                    + ". Maybe give a readable file with one token per line.", e);
        }
        List<String> tokens = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the token file " + file + " holds no token (blank lines and lines "
                    + "starting with # are ignored). Maybe write one token per line, e.g. from `openssl rand -hex "
                    + "32`.");
        }
        return of(tokens);
    }

    /** Number of tokens accepted. */
    int size() {
        return digests.size();
    }

    /** Whether an {@code Authorization} header value carries an accepted token. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        byte[] presented = digest(authorization.substring(SCHEME.length()).strip());
        boolean match = false;
        for (byte[] d : digests) {
            match |= MessageDigest.isEqual(d, presented);
        }
        return match;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
