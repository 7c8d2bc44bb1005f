package vn.lienthong.axis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.edxml.MessageType;

/**
 * Builds the signed request of each call in spec/axis-protocol.md. Logical headers go in the order systemid, the
 * call's own, timestamp, Content-Type: for every call that is also the order the SDK's HashMap produces, so our
 * requests look like the captured ones.
 */
final class AxisRequests {

    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String EDOC_SERVICE_TYPE = "eDoc";
    /** The body the spec gives for JSON calls that carry nothing. */
    private static final String EMPTY_OBJECT = "{}";

    private static final ObjectMapper JSON_WRITER = new ObjectMapper();

    private final AxisSettings settings;
    private final Clock clock;

    AxisRequests(AxisSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws IOException when the envelope cannot be read, which the caller must not mistake for the network */
    /** {@code sha256} is the envelope's hash when the caller knows it already, else null and the file is hashed. */
    HttpRequest sendEdoc(Path envelope, byte[] sha256, String from, MessageType type, List<String> to) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("servicetype", EDOC_SERVICE_TYPE);
        headers.put("messagetype", type.wireName());
        headers.put("hash-file", hashFile(sha256 != null ? sha256 : HashFile.sha256(envelope)));
        headers.put("from", from);
        if (!to.isEmpty()) {
            headers.put("to", compactJson(to));
        }
        // Streamed from the file, so a 300 MB envelope never sits in the heap.
        return post("sendEdoc", headers, OCTET_STREAM, BodyPublishers.ofFile(envelope));
    }

    HttpRequest getReceivedEdocList(MessageType type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("servicetype", EDOC_SERVICE_TYPE);
        headers.put("messagetype", type.wireName());
        return post("getReceivedEdocList", headers, JSON, BodyPublishers.noBody());
    }

    /** The SDK also sends {@code filePath}, its local folder; it means nothing to a server, so we keep ours to ourselves. */
    HttpRequest getEdoc(String docId) {
        return post("getEdoc", Map.of("docId", docId), JSON, BodyPublishers.ofString(EMPTY_OBJECT));
    }

    HttpRequest updateStatus(String docId, boolean done) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("docId", docId);
        headers.put("status", done ? "done" : "fail");
        return post("updateStatus", headers, JSON, BodyPublishers.ofString(EMPTY_OBJECT));
    }

    HttpRequest getSentEdocList(MessageType type, String docId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("servicetype", EDOC_SERVICE_TYPE);
        headers.put("messagetype", type.wireName());
        headers.put("docId", docId);
        return post("getSentEdocList", headers, JSON, BodyPublishers.noBody());
    }

    /** {@code countReceiveEdoc} and {@code countReceiveStatus}: the only GET calls. */
    HttpRequest count(String call) {
        return signed(call, Map.of(), JSON).GET().build();
    }

    /** {@code getAgenciesList} and {@code getAgenciesListQD20}. */
    HttpRequest agencies(String call) {
        return post(call, Map.of(), JSON, BodyPublishers.ofString(EMPTY_OBJECT));
    }

    HttpRequest registerAgency(Agency agency) {
        return post("registerAgency", Map.of(), JSON, BodyPublishers.ofString(compactJson(agency)));
    }

    /** The code travels in the {@code AgencyCode} header; the body is the spec's empty object. */
    HttpRequest deleteAgency(String agencyCode) {
        return post("deleteAgency", Map.of("AgencyCode", agencyCode), JSON, BodyPublishers.ofString(EMPTY_OBJECT));
    }

    private HttpRequest post(String call, Map<String, String> callHeaders, String contentType, BodyPublisher body) {
        return signed(call, callHeaders, contentType).POST(body).build();
    }

    private HttpRequest.Builder signed(String call, Map<String, String> callHeaders, String contentType) {
        Map<String, String> logical = new LinkedHashMap<>();
        logical.put("systemid", settings.systemId());
        logical.putAll(callHeaders);
        logical.put("timestamp", AxisTimestamp.now(clock));
        logical.put("Content-Type", contentType);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.callUri(call))
                .timeout(settings.requestTimeout())
                .header("User-Agent", AxisSignature.USER_AGENT);
        AxisSignature.sign(logical, settings.secret()).forEach(request::header);
        return request;
    }

    private String hashFile(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
        }
        return settings.sdkHashFileForm() ? HashFile.sdkForm(sha256) : HashFile.paddedForm(sha256);
    }

    private static String compactJson(Object value) {
        try {
            return JSON_WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings or an agency always serialises", e);
        }
    }
}
