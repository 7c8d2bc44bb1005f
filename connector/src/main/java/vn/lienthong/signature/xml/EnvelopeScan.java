package vn.lienthong.signature.xml;

import java.nio.charset.Charset;
import java.util.List;
import org.w3c.dom.Element;

/**
 * What the first, structural pass over an envelope found.
 *
 * @param signatures      every ds:Signature element in document order, nested ones included
 * @param firstSignature  the first of them copied into DOM in its context (see {@link SubtreeCopy}), or null
 * @param header          edXML/edXMLEnvelope/edXMLHeader rebuilt as an empty element in its context, or null when
 *                        the envelope has no header at that place
 * @param headerEndOffset the character offset of the header's end tag ({@code </edXMLHeader>}), counted as Woodstox
 *                        counts: UTF-16 units of the decoded text, a byte-order mark excluded; -1 without a header
 * @param charset         the encoding the document was read in
 * @param complete        whether the whole document was scanned; false when the scan stopped at the end of the
 *                        header, having found a signature by then, and {@code signatures} are those up to there
 */
record EnvelopeScan(List<FoundSignature> signatures, Element firstSignature, Element header, long headerEndOffset,
                    Charset charset, boolean complete) {

    /**
     * One ds:Signature and where it is.
     *
     * @param childOfHeader whether its parent is edXML/edXMLEnvelope/edXMLHeader
     * @param last          whether no element other than a signature follows it there
     */
    record FoundSignature(String path, boolean childOfHeader, boolean last) {

        /** The last child of the header: the only place a signature belongs. */
        boolean inPlace() {
            return childOfHeader && last;
        }
    }

    EnvelopeScan {
        signatures = List.copyOf(signatures);
    }
}
