package vn.lienthong.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.edxml.SecureXml;

/**
 * The bundle's {@code META-INF/ASiCManifest.xml} (ETSI EN 319 162-1): one DataObjectReference per file with its
 * SHA-256, base64, as any XML tool reads it. When the manifest is signed, its SigReference names the detached CMS
 * signature beside it.
 */
final class AsicManifest {

    static final String ASIC = "http://uri.etsi.org/02918/v1.2.1#";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private AsicManifest() {
    }

    /** @param digests file name to its SHA-256, in the order to list them */
    static byte[] write(Map<String, byte[]> digests, boolean signed) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<asic:ASiCManifest xmlns:asic=\"").append(ASIC).append("\" xmlns:ds=\"").append(DSIG)
                .append("\">\n");
        if (signed) {
            xml.append("  <asic:SigReference URI=\"").append(EvidenceFiles.MANIFEST_SIGNATURE)
                    .append("\" MimeType=\"application/pkcs7-signature\"/>\n");
        }
        for (Map.Entry<String, byte[]> file : digests.entrySet()) {
            xml.append("  <asic:DataObjectReference URI=\"").append(file.getKey()).append("\" MimeType=\"")
                    .append(mediaType(file.getKey())).append("\">\n")
                    .append("    <ds:DigestMethod Algorithm=\"").append(SHA256).append("\"/>\n")
                    .append("    <ds:DigestValue>").append(Base64.getEncoder().encodeToString(file.getValue()))
                    .append("</ds:DigestValue>\n")
                    .append("  </asic:DataObjectReference>\n");
        }
        return xml.append("</asic:ASiCManifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String mediaType(String name) {
        if (name.endsWith(".xml")) {
            return "application/xml";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".jsonl")) {
            return "application/jsonl";
        }
        if (name.endsWith(".tst")) {
            return "application/timestamp-reply";
        }
        if (name.endsWith(".pem")) {
            return "application/x-pem-file";
        }
        return name.endsWith(".txt") ? "text/plain" : "application/octet-stream";
    }

    /** The listed files and their SHA-256; a listing that is not a SHA-256 ASiC manifest is a problem. */
    static Map<String, byte[]> read(byte[] manifest) throws AuditProblem {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        try {
            XMLStreamReader xml = SecureXml.newInputFactory().createXMLStreamReader(new ByteArrayInputStream(manifest));
            String uri = null;
            String algorithm = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (name.equals("DataObjectReference") && ASIC.equals(xml.getNamespaceURI())) {
                    uri = xml.getAttributeValue(null, "URI");
                    algorithm = null;
                } else if (name.equals("DigestMethod") && uri != null) {
                    algorithm = xml.getAttributeValue(null, "Algorithm");
                } else if (name.equals("DigestValue") && uri != null) {
                    if (!SHA256.equals(algorithm)) {
                        throw unreadable("tệp " + uri + " không được băm bằng SHA-256",
                                "the file " + uri + " is not hashed with SHA-256");
                    }
                    if (digests.put(uri, Base64.getMimeDecoder().decode(xml.getElementText().strip())) != null) {
                        throw unreadable("tệp " + uri + " được liệt kê hai lần", "the file " + uri + " is listed twice");
                    }
                    uri = null;
                }
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw unreadable("không đọc được nội dung XML của nó", "it cannot be read (" + e.getMessage() + ")");
        }
        return digests;
    }

    private static AuditProblem unreadable(String vietnamese, String english) {
        return new AuditProblem("EVIDENCE_MANIFEST_UNREADABLE", -1,
                "Bản kê " + EvidenceFiles.MANIFEST + " của gói bằng chứng không dùng được: " + vietnamese + ".",
                "The evidence bundle's manifest " + EvidenceFiles.MANIFEST + " cannot be used: " + english + ".");
    }
}
