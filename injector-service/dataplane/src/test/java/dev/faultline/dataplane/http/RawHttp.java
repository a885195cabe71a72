package dev.faultline.dataplane.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A raw-socket HTTP/1.1 client for the tests: writes bytes exactly as given and reads
 * responses back as the exact bytes received, plus their parsed status, headers and body.
 */
final class RawHttp implements AutoCloseable {

    /** One response: the bytes on the wire, the status, the headers in order and the (de-chunked) body. */
    record Response(byte[] raw, int status, List<String[]> headers, byte[] body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(15_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: upstream\r\nX-Test: raw\r\n\r\n";
    }

    void send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    Response exchange(String request) throws IOException {
        send(request);
        return read(request.startsWith("HEAD "));
    }

    Response read() throws IOException {
        return read(false);
    }

    /** Reads one response; {@code head} when it answers a HEAD request (no body whatever the headers say). */
    Response read(boolean head) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String status = line(raw);
        if (status == null) {
            throw new java.io.EOFException("connection closed before a response");
        }
        List<String[]> headers = new ArrayList<>();
        for (String line = line(raw); line != null && !line.isEmpty(); line = line(raw)) {
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String te = find(headers, "transfer-encoding");
        String cl = find(headers, "content-length");
        if (head || code == 204 || code == 304 || code < 200) {
            // no body
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line(raw);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    for (String t = line(raw); t != null && !t.isEmpty(); t = line(raw)) {
                        // trailers are part of the raw bytes only
                    }
                    break;
                }
                byte[] chunk = in.readNBytes(n);
                raw.write(chunk);
                body.write(chunk);
                line(raw);
            }
        } else if (cl != null) {
            byte[] bytes = in.readNBytes(Integer.parseInt(cl));
            raw.write(bytes);
            body.write(bytes);
        } else {
            byte[] rest = in.readAllBytes();
            raw.write(rest);
            body.write(rest);
        }
        return new Response(raw.toByteArray(), code, headers, body.toByteArray());
    }

    /** Whether the peer has closed (EOF or reset) within the read timeout, with nothing more to read. */
    boolean closedByPeer() {
        try {
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String find(List<String[]> headers, String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    private String line(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            raw.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
