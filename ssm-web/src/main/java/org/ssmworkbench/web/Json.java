package org.ssmworkbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/** The one JSON mapper of the API: strict on input (duplicate keys refused), plain on output. */
public final class Json {

    /** The mapper. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** Answers with {@code body} as JSON. */
    public static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    /** The content type of every JSON answer. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** A value as the JSON bytes of an answer. */
    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** Answers 200 with {@code body} as JSON. */
    public static void send(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    /**
     * The request body as a JSON tree.
     *
     * @throws ApiException 400 when it is not JSON, naming line and column
     */
    public static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiException.of(400, "the request has no body; send a JSON object");
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ApiException.located(400, "the request body is not valid JSON: " + e.getOriginalMessage()
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"),
                    null, 0, null);
        } catch (java.io.IOException e) {
            throw ApiException.of(400, "cannot read the request body: " + e.getMessage());
        }
    }
}
