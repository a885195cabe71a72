package dev.faultline.devstack.cassandra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Proves that a Cassandra node answers CQL, speaking just enough of the native protocol (v4):
 * STARTUP, then {@code SELECT release_version FROM system.local}. The devstack has no CQL driver
 * on its classpath (a driver brings its own Netty), so readiness is checked with these few frames.
 */
final class CqlProbe {

    private static final int VERSION = 0x04;
    private static final int OP_ERROR = 0x00;
    private static final int OP_STARTUP = 0x01;
    private static final int OP_READY = 0x02;
    private static final int OP_QUERY = 0x07;
    private static final int OP_RESULT = 0x08;
    private static final int RESULT_ROWS = 0x0002;
    private static final int CONSISTENCY_ONE = 0x0001;

    private CqlProbe() {
    }

    /** The node's release version, e.g. {@code 5.0.9}; throws when CQL is not (yet) served. */
    static String releaseVersion(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());

            byte[] options = stringMap("CQL_VERSION", "3.0.0");
            writeFrame(out, 1, OP_STARTUP, options);
            expect(in, OP_READY);

            byte[] query = query("SELECT release_version FROM system.local");
            writeFrame(out, 2, OP_QUERY, query);
            DataInputStream body = expect(in, OP_RESULT);
            return singleTextValue(body);
        }
    }

    private static void writeFrame(DataOutputStream out, int stream, int opcode, byte[] body) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(0);
        out.writeShort(stream);
        out.writeByte(opcode);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    private static DataInputStream expect(DataInputStream in, int opcode) throws IOException {
        in.readUnsignedByte(); // response version
        in.readUnsignedByte(); // flags
        in.readShort(); // stream
        int actual = in.readUnsignedByte();
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        DataInputStream bodyIn = new DataInputStream(new ByteArrayInputStream(body));
        if (actual == OP_ERROR) {
            int code = bodyIn.readInt();
            throw new IOException("CQL error 0x" + Integer.toHexString(code) + ": " + readString(bodyIn));
        }
        if (actual != opcode) {
            throw new IOException("unexpected CQL opcode 0x" + Integer.toHexString(actual));
        }
        return bodyIn;
    }

    /** Reads the one text cell of a one-column ROWS result. */
    private static String singleTextValue(DataInputStream body) throws IOException {
        if (body.readInt() != RESULT_ROWS) {
            throw new IOException("expected a ROWS result");
        }
        int flags = body.readInt();
        int columns = body.readInt();
        if ((flags & 0x0002) != 0) { // has_more_pages: skip the paging state
            body.skipNBytes(body.readInt());
        }
        if ((flags & 0x0001) != 0) { // global_tables_spec
            readString(body);
            readString(body);
        }
        for (int i = 0; i < columns; i++) {
            if ((flags & 0x0001) == 0) {
                readString(body);
                readString(body);
            }
            readString(body); // column name
            body.readUnsignedShort(); // type id: varchar, no options
        }
        if (body.readInt() < 1) {
            throw new IOException("system.local returned no row");
        }
        byte[] value = new byte[body.readInt()];
        body.readFully(value);
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] stringMap(String key, String value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(1);
        writeString(out, key);
        writeString(out, value);
        return bytes.toByteArray();
    }

    private static byte[] query(String cql) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        byte[] text = cql.getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeShort(CONSISTENCY_ONE);
        out.writeByte(0); // no query flags
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static String readString(InputStream in) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        byte[] b = new byte[data.readUnsignedShort()];
        data.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
