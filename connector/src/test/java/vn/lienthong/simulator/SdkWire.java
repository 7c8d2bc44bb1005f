package vn.lienthong.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import vn.lienthong.axis.AxisSignature;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.axis.HashFile;

/**
 * Puts requests on a plain loopback socket byte for byte as the official SDK 2.0.1 does (spec/axis-protocol.md):
 * one header map per client object, so every call also carries, and signs, the headers earlier calls left in it;
 * names signed in that HashMap's order; {@code hash-file} without zero padding; and sendEdoc's body followed by
 * CRLF. No HTTP library stands between the test and the simulator, so nothing tidies the bytes on the way.
 */
final class SdkWire {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int TIMEOUT_MILLIS = 30_000;

    private final URI endpoint;
    private final String systemId;
    private final String secret;
    private final Supplier<String> timestamp;
    private final boolean headerNamesInLowerCase;
    /** The SDK's one header map per client object: each call puts its headers in, nothing ever takes one out. */
    private final Map<String, String> headerMap = new HashMap<>();

    private SdkWire(URI endpoint, String systemId, String secret, Supplier<String> timestamp,
                    boolean headerNamesInLowerCase) {
        this.endpoint = endpoint;
        this.systemId = systemId;
        this.secret = secret;
        this.timestamp = timestamp;
        this.headerNamesInLowerCase = headerNamesInLowerCase;
    }

    /** A new SDK client object of a system of {@link TestAxis}, with a clock on Vietnam time. */
    static SdkWire of(AxisSimulator simulator, String systemId) {
        return new SdkWire(simulator.endpoint(), systemId, TestAxis.SECRETS.get(systemId),
                () -> AxisTimestamp.now(Clock.systemUTC()), false);
    }

    /** A new client object of the same system that stamps {@code timestamp}, as the SDK does from the JVM's local time. */
    SdkWire stampedWith(Supplier<String> otherTimestamp) {
        return new SdkWire(endpoint, systemId, secret, otherTimestamp, headerNamesInLowerCase);
    }

    /** A new client object of the same system whose header names reach the axis in lower case, as through a proxy. */
    SdkWire withHeaderNamesInLowerCase() {
        return new SdkWire(endpoint, systemId, secret, timestamp, true);
    }

    /** A new client object of the same system signing with another secret. */
    SdkWire signingWith(String otherSecret) {
        return new SdkWire(endpoint, systemId, otherSecret, timestamp, headerNamesInLowerCase);
    }

    /** A new client object of an unknown system. */
    SdkWire asSystem(String otherSystemId) {
        return new SdkWire(endpoint, otherSystemId, secret, timestamp, headerNamesInLowerCase);
    }

    /** The file, then CRLF; the hash-file covers the file alone, unpadded. */
    RawAnswer sendEdoc(byte[] file, String from, String messageType) {
        return sendEdoc(file, from, messageType, HashFile.sdkForm(SdkLikeClient.sha256(file)), CRLF);
    }

    /** As the SDK, but with the hash-file and what follows the file chosen by the test. */
    RawAnswer sendEdoc(byte[] file, String from, String messageType, String hashFile, byte[] afterFile) {
        headerMap.put("servicetype", "eDoc");
        headerMap.put("messagetype", messageType);
        headerMap.put("hash-file", hashFile);
        headerMap.put("from", from);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(file);
        body.writeBytes(afterFile);
        return call("POST", "/sendEdoc", "application/octet-stream", body.toByteArray());
    }

    RawAnswer getReceivedEdocList(String messageType) {
        headerMap.put("servicetype", "eDoc");
        headerMap.put("messagetype", messageType);
        return call("POST", "/getReceivedEdocList", "application/json", new byte[0]);
    }

    /** With the docId header spelled {@code docIdName}: the SDK's examples use both {@code docId} and {@code docid}. */
    RawAnswer getEdoc(String docIdName, String docId) {
        headerMap.put(docIdName, docId);
        headerMap.put("filePath", "C:\\edoc\\received");
        return call("POST", "/getEdoc", "application/json", json("{}"));
    }

    RawAnswer updateStatus(String docIdName, String docId, String status) {
        headerMap.put(docIdName, docId);
        headerMap.put("status", status);
        return call("POST", "/updateStatus", "application/json", json("{}"));
    }

    RawAnswer getSentEdocList(String messageType, String docId) {
        headerMap.put("servicetype", "eDoc");
        headerMap.put("messagetype", messageType);
        headerMap.put("docId", docId);
        return call("POST", "/getSentEdocList", "application/json", new byte[0]);
    }

    /** countReceiveEdoc or countReceiveStatus. */
    RawAnswer count(String call) {
        return call("GET", "/" + call, "application/json", new byte[0]);
    }

    /** getAgenciesList or getAgenciesListQD20. */
    RawAnswer agencies(String call) {
        return call("POST", "/" + call, "application/json", json("{}"));
    }

    RawAnswer registerAgency(String agencyJson) {
        return call("POST", "/registerAgency", "application/json", json(agencyJson));
    }

    RawAnswer deleteAgency(String agencyCode) {
        headerMap.put("AgencyCode", agencyCode);
        return call("POST", "/deleteAgency", "application/json", json("{}"));
    }

    /** The logical header names this client has signed so far, in the order its HashMap gives them. */
    String signHeaderKey() {
        return String.join(";", signedNames().keySet());
    }

    private Map<String, String> signedNames() {
        Map<String, String> logical = new HashMap<>(headerMap);
        logical.put("systemid", systemId);
        logical.put("timestamp", timestamp.get());
        return logical;
    }

    /** Any call, with the header map as earlier calls left it. */
    RawAnswer call(String method, String path, String contentType, byte[] body) {
        headerMap.put("Content-Type", contentType);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
        AxisSignature.sign(signedNames(), secret)
                .forEach((name, value) -> head.append(headerNamesInLowerCase ? name.toLowerCase(Locale.ROOT) : name)
                        .append(": ").append(value).append("\r\n"));
        head.append("User-Agent: ").append(AxisSignature.USER_AGENT).append("\r\n");
        if (!method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return RawAnswer.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("calling " + path + " on the simulator", e);
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The HTTP answer as it came off the socket: status code, and the body with any chunked framing undone. */
    record RawAnswer(int statusCode, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static RawAnswer read(InputStream in) throws IOException {
            String statusLine = line(in);
            int statusCode = Integer.parseInt(statusLine.split(" ")[1]);
            long contentLength = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String name = header.substring(0, header.indexOf(':')).strip();
                String value = header.substring(header.indexOf(':') + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                return new RawAnswer(statusCode, dechunk(in));
            }
            return new RawAnswer(statusCode, contentLength >= 0 ? in.readNBytes((int) contentLength) : in.readAllBytes());
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            return body.toByteArray();
        }

        private static int chunkSize(InputStream in) throws IOException {
            String sizeLine = line(in);
            int extension = sizeLine.indexOf(';');
            return Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next != '\n'; next = in.read()) {
                if (next < 0) {
                    throw new IOException("the answer ended in the middle of a line");
                }
                line.write(next);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
