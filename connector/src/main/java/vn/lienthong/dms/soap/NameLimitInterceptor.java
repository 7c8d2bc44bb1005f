package vn.lienthong.dms.soap;

import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import vn.lienthong.edxml.NameLengthLimit;

/**
 * Measures every XML name of a request before CXF's parser buffers it, as the envelope reader does for envelopes:
 * the parser reads a whole element name into memory, and the request is parsed before the ApiKey in its header is
 * known, so a caller without a key could run the connector out of memory with one long name. Placed after the MTOM
 * attachments are split off, it sees only the SOAP message itself.
 */
final class NameLimitInterceptor extends AbstractPhaseInterceptor<Message> {

    private final int maxNameLength;

    NameLimitInterceptor(int maxNameLength) {
        super(Phase.PRE_STREAM);
        addAfter(AttachmentInInterceptor.class.getName());
        this.maxNameLength = maxNameLength;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream request = message.getContent(InputStream.class);
        if (request == null) {
            return;
        }
        try {
            message.setContent(InputStream.class, NameLengthLimit.of(request, maxNameLength));
        } catch (IOException e) {
            throw new Fault(e);
        }
    }
}
