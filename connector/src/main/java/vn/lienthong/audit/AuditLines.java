package vn.lienthong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.TreeHead;

/** The objects of the {@code lienthong-audit/1} format that are not entries: anchors and proofs, written and read. */
final class AuditLines {

    static final String FORMAT = "lienthong-audit/1";
    private static final HexFormat HEX = HexFormat.of();

    private AuditLines() {
    }

    static Map<String, Object> anchor(Anchor anchor) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "anchor");
        line.put("size", anchor.head().size());
        line.put("head", anchor.head().text());
        line.put("algorithm", anchor.algorithm());
        line.put("signature", Base64.getEncoder().encodeToString(anchor.signature()));
        List<String> certificates = new ArrayList<>();
        for (X509Certificate certificate : anchor.certificates()) {
            try {
                certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a stored certificate can always be encoded again", e);
            }
        }
        line.put("certificates", certificates);
        line.put("timestamp", anchor.timestamp() == null ? null : Base64.getEncoder().encodeToString(anchor.timestamp()));
        return line;
    }

    /** An anchor line read back; what cannot be read is an IllegalArgumentException saying what. */
    static Anchor anchor(JsonNode line) {
        TreeHead head = TreeHead.parse(line.path("head").asText());
        if (line.path("size").asLong(-1) != head.size()) {
            throw new IllegalArgumentException("its size " + line.path("size") + " is not the size its head states, "
                    + head.size());
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode certificate : line.path("certificates")) {
                certificates.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(certificate.asText()))));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a certificate cannot be read: " + e.getMessage(), e);
        }
        JsonNode token = line.path("timestamp");
        return new Anchor(head, line.path("algorithm").asText(), Base64.getDecoder().decode(line.path("signature").asText()),
                certificates, token.isTextual() ? Base64.getDecoder().decode(token.asText()) : null, null);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : array) {
            String text = hash.asText();
            if (!text.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("'" + text + "' is not a hash of 64 lower-case hex digits");
            }
            hashes.add(HEX.parseHex(text));
        }
        return hashes;
    }
}
