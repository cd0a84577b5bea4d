package io.fabricplan.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabricplan.json.JsonLimits;
import io.fabricplan.validate.InputProblem;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request body, read whole under the body-size limit before anything parses it, and what it is: a workbook
 * (by its Content-Type, or the zip signature {@code PK\3\4}) or JSON. A JSON body is a document (an instance,
 * say), or an envelope {@code {"instance": {...}, "options": {...}, "id": "..."}} whose parts are found by a
 * streaming scan (no tree of the document is built) and read under the same JSON limits.
 */
final class Upload {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** An envelope's options object is small; a larger one is refused rather than built as a tree. */
    static final int MAX_OPTIONS_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final byte[] body;
    final boolean workbook;

    private Upload(byte[] body, boolean workbook) {
        this.body = body;
        this.workbook = workbook;
    }

    /**
     * Reads the body of a request.
     *
     * @throws ApiException 413 past {@code maxBytes} (by its Content-Length before reading, or as it streams),
     *                      400 when empty, 415 when it is neither JSON nor a workbook
     */
    static Upload read(Context ctx, long maxBytes, UploadBudget budget) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            drain(ctx);
            throw tooLarge(declared, maxBytes);
        }
        UploadBudget.Lease lease = budget.reserve(declared >= 0 ? declared : maxBytes);
        ctx.attribute(UploadBudget.LEASE, lease);
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw new ApiException(400, "unreadable_body", "the request body could not be read: " + e.getMessage(),
                    "send the body again, whole.");
        }
        if (body == null) {
            drain(ctx);
            throw tooLarge(-1, maxBytes);
        }
        lease.shrinkTo(body.length);
        if (body.length == 0) {
            throw new ApiException(400, "empty_body", "the request has no body.", "send an instance as JSON "
                    + "(Content-Type: application/json) or as a workbook (Content-Type: " + XLSX + ").");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean zip = body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
        if (type.contains("spreadsheetml") || zip) {
            return new Upload(body, true);
        }
        int first = firstNonBlank(body);
        if (type.contains("json") || first >= 0 && (body[first] == '{' || body[first] == '[')) {
            return new Upload(body, false);
        }
        throw new ApiException(415, "unsupported_media_type", "the body is neither JSON nor an .xlsx workbook"
                + (type.isEmpty() ? "" : " (Content-Type " + ctx.contentType() + ")") + ".",
                "send the instance as JSON with Content-Type: application/json, or a workbook with Content-Type: "
                        + XLSX + ".");
    }

    /**
     * Reads and drops what the client is still sending of a refused body, up to {@link #DRAINED} bytes, and closes
     * the connection after the answer: a socket closed with unread bytes is reset, and a reset can reach the client
     * before the 413 does. A body larger still is cut off (the client may then see the reset instead).
     */
    private static void drain(Context ctx) {
        ctx.header("Connection", "close");
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = DRAINED;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** Bytes of a refused body read and dropped before the 413, so that the client hears it. */
    static final long DRAINED = 16L << 20;

    static ApiException tooLarge(long declared, long maxBytes) {
        return new ApiException(413, "body_too_large", "the request body is "
                + (declared >= 0 ? String.format(Locale.ROOT, "%,d bytes", declared) : "larger than the limit")
                + String.format(Locale.ROOT, ": at most %,d bytes are accepted (limit max-body-bytes).", maxBytes),
                "send a smaller instance, or start the service with a larger `fabricplan serve --max-body`.");
    }

    /** The stream's bytes, or null when there are more than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static int firstNonBlank(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3; // UTF-8 byte-order mark
        }
        for (; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The parts of a JSON body: an envelope's named parts, or the whole body as {@code documentField} when the top
     * level has no such field (a bare document).
     *
     * @param document      offset and length of the document part (the whole body for a bare document)
     * @param pointerPrefix what to put before the document's JSON pointers ({@code /instance}, or empty)
     * @param parts         other object parts by name ({@code plan} of a check), offsets
     * @param options       the envelope's options, or null
     * @param id            the envelope's job id, or null
     * @param problems      what is wrong with the envelope itself
     */
    record Parts(Span document, String pointerPrefix, java.util.Map<String, Span> parts, JsonNode options, String id,
                 List<InputProblem> problems) {
        InputStream documentStream(byte[] body) {
            return new java.io.ByteArrayInputStream(body, document.offset(), document.length());
        }
    }

    /** A part of the body. */
    record Span(int offset, int length) {
    }

    /**
     * Splits a JSON body: with a top-level field {@code documentField}, an envelope of that document, {@code
     * options}, {@code id} and the {@code otherParts}; otherwise the whole body is the document. The scan reads
     * tokens under the JSON limits and skips the parts' insides.
     */
    Parts jsonParts(String documentField, List<String> otherParts, JsonLimits limits) {
        JsonFactory factory = limits.parserFactory();
        Span whole = new Span(0, body.length);
        Parts bare = new Parts(whole, "", java.util.Map.of(), null, null, List.of());
        java.util.Map<String, Span> spans = new java.util.LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        JsonNode options = null;
        String id = null;
        boolean envelope = false;
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return bare; // the document reader says what is wrong
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                envelope |= name.equals(documentField) || otherParts.contains(name) || name.equals("options")
                        || name.equals("id");
                JsonToken value = p.nextToken();
                int start = (int) p.currentTokenLocation().getByteOffset();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
                int end = (int) p.currentTokenLocation().getByteOffset() + 1;
                if (name.equals(documentField) || otherParts.contains(name)) {
                    if (value != JsonToken.START_OBJECT) {
                        problems.add(new InputProblem("/" + name, "is " + kind(value) + ", not an object",
                                "give the " + name + " document as a JSON object."));
                    }
                    spans.put(name, new Span(start, end - start));
                } else if (name.equals("options")) {
                    if (value != JsonToken.START_OBJECT) {
                        problems.add(new InputProblem("/options", "is " + kind(value) + ", not an object",
                                "give the options as an object, e.g. {\"time_limit_seconds\": 5}."));
                    } else if (end - start > MAX_OPTIONS_BYTES) {
                        problems.add(new InputProblem("/options", String.format(Locale.ROOT, "is %,d bytes, "
                                + "more than the %,d an options object may have", end - start, MAX_OPTIONS_BYTES),
                                "give only the options the README lists."));
                    } else {
                        options = MAPPER.readTree(factory.createParser(body, start, end - start));
                    }
                } else if (name.equals("id")) {
                    if (value != JsonToken.VALUE_STRING) {
                        problems.add(new InputProblem("/id", "is " + kind(value) + ", not a string",
                                "give the job id as a string of letters, digits, '.', '_' and '-'."));
                    } else {
                        id = p.getText();
                    }
                } else if (!spans.containsKey(documentField)) {
                    // a top-level field of a bare document (format, version, settings, ...): not an envelope
                    return bare;
                } else {
                    problems.add(new InputProblem("/" + name, "is not a field of a request envelope (\""
                            + documentField + "\", " + otherParts.stream().map(o -> "\"" + o + "\", ")
                            .reduce("", String::concat) + "\"options\", \"id\")", "remove it, or move it into \""
                            + documentField + "\"."));
                }
            }
        } catch (IOException e) {
            if (!envelope) {
                return bare; // the document reader reports where and why, under its limits
            }
            problems.add(envelopeProblem(e));
            return new Parts(null, "/" + documentField, spans, options, id, problems);
        }
        Span document = spans.remove(documentField);
        if (document == null) {
            return bare;
        }
        return new Parts(document, "/" + documentField, spans, options, id, problems);
    }

    /** Why the scan of an envelope stopped: a limit of the JSON reader (named), or JSON that is not valid. */
    private static InputProblem envelopeProblem(IOException e) {
        String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getProcessor()
                instanceof JsonParser parser ? parser.getParsingContext().pathAsPointer().toString() : "/";
        String text = e.getMessage() == null ? "" : e.getMessage();
        String limit = text.contains("nesting depth") ? "json-depth"
                : text.contains("String value length") || text.contains("Name length") ? "json-string-chars"
                : text.contains("Number value length") ? "json-number-chars"
                : text.contains("Document length") || text.contains("document length") ? "json-bytes" : null;
        if (limit == null) {
            return new InputProblem(where.isEmpty() ? "/" : where, "is not valid JSON: " + text.lines().findFirst()
                    .orElse(""), "send the request as one JSON object, e.g. {\"instance\": {...}}.");
        }
        return new InputProblem(where.isEmpty() ? "/" : where, "breaks the limit " + limit + " of the JSON reader ("
                + text.lines().findFirst().orElse("") + ")", "if the document is trusted, start the service with a "
                + "higher `fabricplan serve --limit " + limit + "=VALUE`.");
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "an object";
        };
    }
}
