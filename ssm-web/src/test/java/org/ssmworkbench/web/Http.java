package org.ssmworkbench.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plain HTTP/1.1 client over a socket, so that a test can send exactly the headers an attacker's
 * page or a rebound DNS name would (Host, Origin), which the JDK's client does not let one set.
 */
final class Http {

    /** An answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final String token;

    Http(WorkbenchServer server) {
        this.port = server.port();
        this.token = server.token();
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    String origin() {
        return "http://" + host();
    }

    Answer get(String path) throws IOException {
        return send("GET", path, Map.of("Host", host()), null);
    }

    /** A change as the workbench's own page sends it: Origin and token. */
    Answer change(String method, String path, String json) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", host());
        h.put("Origin", origin());
        h.put(SecurityFilter.TOKEN_HEADER, token);
        h.put("Content-Type", "application/json");
        return send(method, path, h, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            req.append("Connection: close\r\n");
            if (body != null) {
                req.append("Content-Length: ").append(body.length).append("\r\n");
            } else if (!method.equals("GET")) {
                req.append("Content-Length: 0\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer (413) and close before reading the whole body
                }
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String head;
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        head = new String(all, 0, split, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Answer(status, headers, rest);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(b, i, b.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(new String(b, i, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            i += eol + 2;
            if (size == 0) {
                break;
            }
            out.write(b, i, size);
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, byte[] p) {
        outer:
        for (int i = 0; i + p.length <= a.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (a[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no end of headers in the answer");
    }
}
