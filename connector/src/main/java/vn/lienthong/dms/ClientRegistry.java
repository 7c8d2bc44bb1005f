package vn.lienthong.dms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The DMS clients the connector serves, read from a JSON file ({@code lienthong.dms.clients-file}):
 * <pre>
 * {"clients": [{"id": "vpcp-dms", "name": "…", "organIds": ["000.00.00.G22"],
 *               "apiKeySha256": "…" | "certificateSha256": "…",
 *               "delivery": {"mode": "folder", "folder": "/srv/dms/vpcp"}
 *                         | {"mode": "webhook", "url": "https://…", "secretFile": "/etc/…"}
 *                         | {"mode": "jms", "queue": "…"} | {"mode": "pull"}}]}
 * </pre>
 * What a client may be (its id, its webhook, its folder) is in {@code ClientRules}; a file written by hand is held to
 * the same rules as one {@code clients add} writes. Keys are never stored in clear: {@code lienthong clients add} prints a new key once and writes its hash. A
 * certificate is pinned by the SHA-256 of its DER encoding ({@code clients add --certificate FILE}); the colon-separated
 * form {@code openssl x509 -fingerprint -sha256} prints is accepted too.
 */
public final class ClientRegistry {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final List<DmsClient> clients;

    public ClientRegistry(List<DmsClient> clients) {
        this.clients = List.copyOf(clients);
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> pins = new HashMap<>();
        for (DmsClient client : clients) {
            if (!ids.add(client.id())) {
                throw new ClientFileProblem("CLIENT_ID_TAKEN", "Hai máy khách cùng có mã " + client.id() + ".",
                        "two DMS clients have the id " + client.id());
            }
            String other = client.certificateSha256() == null ? null : pins.putIfAbsent(client.certificateSha256(), client.id());
            if (other != null) {
                throw new ClientFileProblem("CERTIFICATE_PINNED_TWICE", "Máy khách " + other + " và " + client.id()
                        + " gắn cùng một chứng thư TLS, mà mỗi chứng thư chỉ xác định một máy khách.",
                        "DMS clients " + other + " and " + client.id()
                                + " pin the same certificate: a certificate identifies one client");
            }
        }
    }

    public static ClientRegistry empty() {
        return new ClientRegistry(List.of());
    }

    /**
     * Reads the clients file. A file that is missing, is not JSON, or describes a client the connector cannot or must
     * not serve is refused with a {@link ClientFileProblem} naming the file, the client and, for JSON, line and column.
     */
    public static ClientRegistry load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ClientFileProblem("CLIENTS_FILE_UNREADABLE", file + " không phải JSON hợp lệ ở dòng "
                    + e.getLocation().getLineNr() + ", cột " + e.getLocation().getColumnNr() + ".",
                    file + " is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + withoutSourceNote(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ClientFileProblem("CLIENTS_FILE_UNREADABLE", "Không đọc được " + file + ".",
                    file + " cannot be read: " + e.getMessage());
        }
        return read(root, file);
    }

    /**
     * The clients of a clients file already parsed, held to the same rules as {@link #load}: {@code clients add}
     * checks what it is about to write with this, so it never writes a file the connector would refuse.
     */
    public static ClientRegistry read(JsonNode root, Path file) {
        if (root == null || !root.path("clients").isArray()) {
            throw new ClientFileProblem("CLIENTS_FILE_UNREADABLE", file + " không có danh sách \"clients\".",
                    file + " has no \"clients\" list");
        }
        ClientRules rules = new ClientRules(file);
        List<DmsClient> clients = new ArrayList<>();
        for (JsonNode node : root.path("clients")) {
            DmsClient client = client(node, rules);
            for (DmsClient other : clients) {
                if (client.delivery().mode() == Delivery.Mode.FOLDER && other.delivery().mode() == Delivery.Mode.FOLDER) {
                    rules.checkApart(client.id(), client.delivery().folder(), other.id(), other.delivery().folder());
                }
            }
            clients.add(client);
        }
        try {
            return new ClientRegistry(clients);
        } catch (ClientFileProblem problem) {
            throw rules.problem(problem.code(), problem.vietnamese(), problem.english());
        }
    }

    /** Jackson's message without its "(start marker at [Source: REDACTED …])" aside, which says nothing to a person. */
    private static String withoutSourceNote(String message) {
        int aside = message.indexOf(" (start marker at");
        return aside < 0 ? message : message.substring(0, aside);
    }

    private static DmsClient client(JsonNode node, ClientRules rules) {
        String id = text(node, "id");
        rules.checkId(id);
        String name = text(node, "name");
        rules.checkName(id, name);
        Set<String> organIds = new LinkedHashSet<>();
        node.path("organIds").forEach(organId -> organIds.add(organId.asText()));
        if (organIds.isEmpty()) {
            throw rules.problem("CLIENT_WITHOUT_AGENCY", "máy khách " + id + " chưa được gắn với cơ quan nào (organIds).",
                    "client " + id + " is bound to no agency (organIds)");
        }
        organIds.forEach(organId -> rules.checkOrganId(id, organId));
        JsonNode delivery = node.path("delivery");
        String modeName = delivery.path("mode").asText("pull");
        Delivery.Mode mode = Arrays.stream(Delivery.Mode.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(modeName)).findFirst()
                .orElseThrow(() -> rules.problem("DELIVERY_MODE_UNKNOWN", "máy khách " + id + " có cách nhận "
                                + ClientRules.shown(modeName) + ", trong khi chỉ có pull, folder, webhook hoặc jms.",
                        "client " + id + " has the delivery mode \"" + modeName
                                + "\"; it must be pull, folder, webhook or jms"));
        Path folder = mode == Delivery.Mode.FOLDER ? rules.folder(id, text(delivery, "folder")) : null;
        URI webhook = mode == Delivery.Mode.WEBHOOK
                ? rules.webhook(id, text(delivery, "url"), text(delivery, "secretFile")) : null;
        Delivery how = new Delivery(mode, folder, webhook,
                text(delivery, "secretFile") == null ? null : Path.of(text(delivery, "secretFile")),
                text(delivery, "queue"));
        return new DmsClient(id, name, organIds, lower(text(node, "apiKeySha256")),
                pin(text(node, "certificateSha256"), id, rules), how);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    /** The fingerprint in lower-case hex without separators; anything else is a mistake worth stopping for. */
    private static String pin(String value, String id, ClientRules rules) {
        if (value == null) {
            return null;
        }
        String hex = value.replace(":", "").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw rules.problem("CERTIFICATE_PIN_INVALID", "máy khách " + id + " có certificateSha256 không phải dấu vân "
                            + "tay SHA-256 (64 chữ số thập lục phân).",
                    "client " + id + " has a certificateSha256 that is not a SHA-256 fingerprint (64 hex digits)");
        }
        return hex;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    public List<DmsClient> all() {
        return clients;
    }

    public Optional<DmsClient> byId(String id) {
        return clients.stream().filter(client -> client.id().equals(id)).findFirst();
    }

    /** The client whose API key this is; every stored hash is compared, so timing says nothing about which. */
    public Optional<DmsClient> byApiKey(String presented) {
        DmsClient found = null;
        for (DmsClient client : clients) {
            if (ApiKeys.matches(presented, client.apiKeySha256())) {
                found = client;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<DmsClient> byCertificate(X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        return clients.stream().filter(client -> fingerprint.equals(client.certificateSha256())).findFirst();
    }

    /** The clients that receive what arrives for {@code organId}. */
    public List<DmsClient> receiversFor(String organId) {
        return clients.stream().filter(client -> client.actsFor(organId)).toList();
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }
}
