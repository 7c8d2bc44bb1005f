package vn.lienthong.signature.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.TestEnvelopes;

/**
 * Envelopes written out as text, each exercising what canonicalization must get right: prefixes, the xlink
 * namespace, Vietnamese and astral characters, CR/LF, escaping in text and attributes, comments, processing
 * instructions, CDATA, namespace undeclaration, xml:* attributes, a byte-order mark.
 */
final class EnvelopeTexts {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    private EnvelopeTexts() {
    }

    static String plain() {
        return TestEnvelopes.edoc("000.00.00.G22", "");
    }

    static String prefixed() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML:edXML xmlns:edXML=\"" + NS + "\" xmlns:xlink=\"" + XLINK + "\">\n"
                + " <edXML:edXMLEnvelope>\n"
                + "  <edXML:edXMLHeader>\n"
                + "   <edXML:MessageHeader><edXML:Subject>Về việc &amp; \"báo cáo\" &lt;năm&gt; 2026</edXML:Subject>"
                + "</edXML:MessageHeader>\n"
                + "  </edXML:edXMLHeader>\n"
                + "  <edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\"><edXML:Reference xlink:href=\"cid:a\""
                + " xlink:type=\"simple\" xlink:role=\"đính kèm\"><edXML:ContentId>cid:a</edXML:ContentId></edXML:Reference>"
                + "</edXML:edXMLManifest></edXML:edXMLBody>\n"
                + " </edXML:edXMLEnvelope>\n"
                + " <edXML:AttachmentEncoded>\n"
                + "  <edXML:Attachment><edXML:ContentId>a</edXML:ContentId>"
                + "<edXML:ContentTransferEncoded>QUJD</edXML:ContentTransferEncoded></edXML:Attachment>\n"
                + "  <Attachment xmlns=\"" + NS + "\"><ContentId>b</ContentId>"
                + "<ContentTransferEncoded>REVG\nR0g=</ContentTransferEncoded>"
                + "</Attachment>\n"
                + " </edXML:AttachmentEncoded>\n"
                + "</edXML:edXML>\n";
    }

    static String crlfAndEscapes() {
        return TestEnvelopes.edoc("000.00.00.G22",
                        "<Content note='a \"quoted\" &amp; &lt;tag&gt; value &#9;tab&#10;nl&#13;cr' raw=\"x\ty\nz\">"
                                + "Dòng 1&#13;\nDòng 2\tcó tab &gt; &amp; &lt; ]]&gt;</Content>\n")
                .replace("\n", "\r\n");
    }

    static String commentsAndInstructions() {
        return TestEnvelopes.edoc("000.00.00.G22", "<!-- ghi chú trong header --><?lienthong trace=\"1\"?>\n")
                .replace("<edXML ", "<?xml-stylesheet type=\"text/xsl\" href=\"edxml.xsl\"?>\n<!-- before -->\n<edXML ")
                + "<!-- after -->\n<?after the root?>\n";
    }

    static String namespaceTricks() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<edXML xmlns=\"" + NS + "\" xmlns:unused=\"urn:unused\" xml:lang=\"vi\" xmlns:xl=\"" + XLINK + "\">"
                + "<edXMLEnvelope><edXMLHeader xmlns=\"" + NS + "\">"
                + "<MessageHeader z=\"3\" a=\"1\" xl:title=\"t\" m=\"2\">"
                + "<Local xmlns=\"\" xml:space=\"preserve\">  no namespace  </Local>"
                + "<Again xmlns:xlink=\"" + XLINK + "\" xlink:href=\"#x\" xl:role=\"r\"/></MessageHeader>"
                + "</edXMLHeader></edXMLEnvelope></edXML>";
    }

    static String cdataAndAstral() {
        return "\n<edXML xmlns=\"" + NS + "\">\n<edXMLEnvelope>\n<edXMLHeader>\n"
                + "<MessageHeader><Content><![CDATA[<p>Điều 1 & 2]]></Content><Subject>Nội dung 😀 \u0301 𝔸</Subject>"
                + "<Fax/><Email></Email><Description> </Description></MessageHeader>\n"
                + "</edXMLHeader>\n</edXMLEnvelope>\n</edXML>\n\n";
    }

    /**
     * About a megabyte of header text and base64: long enough that the parser hands text over in many segments, so
     * that CR/LF pairs, escaped characters and surrogate pairs fall on segment boundaries somewhere.
     */
    static String medium() {
        StringBuilder subject = new StringBuilder();
        StringBuilder base64 = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            subject.append("Nội dung ").append(i).append(" 😀\r\n&amp;&lt;&gt;\"")
                    .append(i % 7 == 0 ? "&#13;" : "").append("𝔸b");
            base64.append("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=".substring(0, 32 + i % 3)).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        return TestEnvelopes.edoc("000.00.00.G22", "<Content>" + subject + "</Content>\n")
                .replace("</AttachmentEncoded>", "<Attachment><ContentId>big</ContentId><ContentTransferEncoded>" + base64
                        + "</ContentTransferEncoded></Attachment></AttachmentEncoded>");
    }

    static String byteOrderMark() {
        return "\uFEFF" + plain();
    }

    /** The names of {@link #all()}, for parameterized tests. */
    static java.util.stream.Stream<String> names() {
        return all().keySet().stream();
    }

    /** Every envelope above, by a name for the test report. */
    static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("plain", plain());
        all.put("prefixed", prefixed());
        all.put("crlf-and-escapes", crlfAndEscapes());
        all.put("comments-and-instructions", commentsAndInstructions());
        all.put("namespace-tricks", namespaceTricks());
        all.put("cdata-and-astral", cdataAndAstral());
        all.put("byte-order-mark", byteOrderMark());
        all.put("medium", medium());
        return all;
    }
}
