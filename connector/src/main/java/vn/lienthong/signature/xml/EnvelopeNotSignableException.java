package vn.lienthong.signature.xml;

import java.io.IOException;

/**
 * The envelope given to {@link EnvelopeSigner} cannot be signed as it is: it does not parse, has no
 * edXML/edXMLEnvelope/edXMLHeader, or already carries a ds:Signature (a second one would make it invalid).
 * Envelopes are validated before they are signed, so this points at a flow that skipped a step.
 */
public final class EnvelopeNotSignableException extends IOException {

    public EnvelopeNotSignableException(String message) {
        super(message);
    }
}
