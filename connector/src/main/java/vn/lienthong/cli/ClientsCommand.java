package vn.lienthong.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.dms.ClientFileProblem;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;

/**
 * {@code clients add}: registers a DMS client in the clients file (lienthong.dms.clients-file), with the agencies it
 * may act for and how it receives documents; prints its new API key once — only the key's SHA-256 is stored. With
 * {@code --certificate} the client authenticates by that TLS client certificate instead: its SHA-256 fingerprint is
 * stored and printed, and no key is issued.
 */
@Command(
        name = "clients",
        mixinStandardHelpOptions = true,
        description = {
                "Quản lý máy khách DMS: thêm máy khách, gắn với cơ quan, cấp khóa API (chỉ lưu giá trị băm) hoặc gắn "
                        + "chứng thư TLS của máy khách.",
                "Manages DMS clients: adds a client bound to its agencies and issues its API key (only the hash is "
                        + "stored) or pins its TLS client certificate."},
        subcommands = {ClientsCommand.Add.class})
final class ClientsCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Thêm (hoặc thay) một máy khách và in khóa API mới một lần duy nhất, hoặc gắn chứng thư TLS "
                    + "(--certificate) thay cho khóa.",
                    "Adds (or replaces) a client and prints its new API key, once; or pins its TLS client certificate "
                            + "(--certificate) instead of a key."})
    static final class Add implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The clients file (created if missing).")
        private Path file;

        @Option(names = "--id", required = true, description = "The client's id, e.g. vpcp-dms.")
        private String id;

        @Option(names = "--name", description = "A readable name.")
        private String name;

        @Option(names = "--organ-id", required = true, paramLabel = "ORGANID",
                description = "An agency the client may act for (repeatable).")
        private List<String> organIds;

        @Option(names = "--delivery", defaultValue = "pull", paramLabel = "MODE",
                description = "pull | folder:DIR | webhook:URL (with --webhook-secret-file) | jms[:QUEUE] (default: ${DEFAULT-VALUE}).")
        private String delivery;

        @Option(names = "--webhook-secret-file", paramLabel = "FILE", description = "The file holding the webhook HMAC secret.")
        private Path webhookSecretFile;

        @Option(names = "--certificate", paramLabel = "FILE",
                description = "The client's TLS certificate (PEM or DER X.509): the client authenticates with it on the "
                        + "REST and SOAP interfaces over TLS (lienthong.dms.tls.*) and gets no API key.")
        private Path certificate;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            X509Certificate pinned = null;
            if (certificate != null) {
                if (delivery.toLowerCase(Locale.ROOT).startsWith("jms")) {
                    return refuse("--certificate không dùng được với --delivery jms: máy khách JMS đăng nhập broker bằng khóa API.",
                            "--certificate cannot be used with --delivery jms: a JMS client logs in to the broker with its API key.");
                }
                try {
                    pinned = certificate(certificate);
                } catch (IOException | CertificateException e) {
                    return refuse("Không đọc được chứng thư " + certificate + " (cần tệp X.509 dạng PEM hoặc DER).",
                            "Cannot read the certificate " + certificate + " (a PEM or DER X.509 file is needed): " + e.getMessage());
                }
            }
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
            ArrayNode clients = root.has("clients") ? (ArrayNode) root.get("clients") : root.putArray("clients");
            for (int i = clients.size() - 1; i >= 0; i--) {
                if (id.equals(clients.get(i).path("id").asText())) {
                    clients.remove(i);
                }
            }
            String key = pinned == null ? ApiKeys.newKey() : null;
            ObjectNode client = clients.addObject();
            client.put("id", id);
            if (name != null) {
                client.put("name", name);
            }
            ArrayNode agencies = client.putArray("organIds");
            organIds.forEach(agencies::add);
            if (pinned == null) {
                client.put("apiKeySha256", ApiKeys.sha256(key));
            } else {
                client.put("certificateSha256", ClientRegistry.fingerprint(pinned));
            }
            client.set("delivery", delivery(json));
            DmsClient added;
            try {
                // The rules the connector reads the file with at start: never write a file it would refuse.
                added = ClientRegistry.read(root, file).byId(id).orElseThrow();
            } catch (ClientFileProblem unusable) {
                return refuse("Không ghi tệp máy khách: " + unusable.vietnamese(),
                        unusable.code() + ": Not written: " + unusable.english());
            }
            Path temporary = file.resolveSibling("." + file.getFileName() + ".part");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            warnOfPlainHttp(added);
            out.println("Đã thêm máy khách / Client added: " + id + " → " + String.join(", ", organIds));
            if (pinned == null) {
                out.println("Khóa API (chỉ hiện một lần, hãy lưu lại) / API key (shown once, keep it): " + key);
            } else {
                out.println("Chứng thư TLS đã gắn / TLS client certificate pinned: "
                        + pinned.getSubjectX500Principal().getName() + ", valid until " + pinned.getNotAfter().toInstant());
                out.println("Dấu vân tay SHA-256 / SHA-256 fingerprint: " + ClientRegistry.fingerprint(pinned));
            }
            out.flush();
            return ExitCodes.ALL_VALID;
        }

        /** Allowed only to this machine (see WebhookTarget), and even then the person adding it should know. */
        private void warnOfPlainHttp(DmsClient added) {
            URI webhook = added.delivery().webhook();
            if (webhook != null && "http".equalsIgnoreCase(webhook.getScheme())) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("Cảnh báo: webhook " + webhook + " dùng http:// không mã hóa; chỉ được chấp nhận vì nó trỏ "
                        + "tới chính máy này. / WEBHOOK_PLAIN_HTTP: Warning: the webhook " + webhook + " is plain "
                        + "http://, accepted only because it points to this machine; use https:// if anything but this "
                        + "machine sits between the connector and the DMS.");
                err.flush();
            }
        }

        /** The first certificate of a PEM or DER file (a chain's first is its leaf). */
        private static X509Certificate certificate(Path file) throws IOException, CertificateException {
            try (InputStream in = Files.newInputStream(file)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
        }

        private int refuse(String vietnamese, String english) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(vietnamese + " / " + english);
            err.flush();
            return ExitCodes.UNREADABLE_OR_USAGE;
        }

        private ObjectNode delivery(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            String[] parts = delivery.split(":", 2);
            String mode = parts[0].toLowerCase(Locale.ROOT);
            node.put("mode", mode);
            switch (mode) {
                case "folder" -> node.put("folder", Path.of(required(parts, "folder:DIR")).toAbsolutePath().toString());
                case "webhook" -> {
                    node.put("url", required(parts, "webhook:URL"));
                    if (webhookSecretFile == null) {
                        // run would refuse to start with it: each delivery is signed with this secret.
                        throw new IllegalArgumentException("--delivery webhook:URL needs --webhook-secret-file FILE, "
                                + "the file holding the secret the webhook deliveries are signed with");
                    }
                    node.put("secretFile", webhookSecretFile.toAbsolutePath().toString());
                }
                case "jms" -> {
                    if (parts.length > 1) {
                        node.put("queue", parts[1]);
                    }
                }
                case "pull" -> {
                }
                default -> throw new IllegalArgumentException("--delivery must be pull, folder:DIR, webhook:URL or jms[:QUEUE]");
            }
            return node;
        }

        private static String required(String[] parts, String form) {
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("--delivery must be " + form);
            }
            return parts[1];
        }
    }
}
