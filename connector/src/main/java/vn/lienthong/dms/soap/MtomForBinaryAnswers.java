package vn.lienthong.dms.soap;

import org.apache.cxf.interceptor.AttachmentOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * Answers as MTOM only what carries an envelope (getDocument), so it streams from disk as an attachment; every
 * other answer and every fault is plain SOAP XML that a client without MTOM (or curl) reads as it is. Requests
 * may use MTOM or not, whatever the operation: the endpoint accepts both.
 */
final class MtomForBinaryAnswers extends AbstractPhaseInterceptor<Message> {

    private static final String BINARY_ANSWER = "getDocument";

    MtomForBinaryAnswers() {
        super(Phase.PRE_STREAM);
        addBefore(AttachmentOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
        boolean binary = operation != null && BINARY_ANSWER.equals(operation.getName().getLocalPart())
                && message.getContent(Exception.class) == null;
        message.put(Message.MTOM_ENABLED, binary);
    }
}
