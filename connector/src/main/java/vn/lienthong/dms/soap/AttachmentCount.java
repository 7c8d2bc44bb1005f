package vn.lienthong.dms.soap;

import java.util.Collection;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Counts the MTOM parts of a request before its operation runs, and refuses it when there are more than
 * lienthong.soap.max-attachments. CXF's own count misses parts it loads while iterating, and parts no operation
 * refers to are never loaded otherwise; counting reads them within the request's quota, into its spool directory,
 * which is deleted when the request is answered.
 */
final class AttachmentCount extends AbstractPhaseInterceptor<Message> {

    /** The request carries more parts than allowed. */
    static final class TooMany extends RuntimeException {
        TooMany(int limit) {
            super("more than " + limit + " MTOM parts", null, false, false);
        }
    }

    private final int maxAttachments;

    AttachmentCount(int maxAttachments) {
        super(Phase.PRE_INVOKE);
        this.maxAttachments = maxAttachments;
    }

    @Override
    public void handleMessage(Message message) {
        Collection<Attachment> attachments = message.getAttachments();
        if (attachments != null && attachments.size() > maxAttachments) { // size() reads the parts not yet read
            throw new Fault(new TooMany(maxAttachments));
        }
    }
}
