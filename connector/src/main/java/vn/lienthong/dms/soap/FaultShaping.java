package vn.lienthong.dms.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.lienthong.dms.DmsError;
import vn.lienthong.edxml.NameLengthLimit;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.dms.soap.contract.FaultStatus;
import vn.lienthong.dms.soap.contract.LienThongFault;
import vn.lienthong.dms.soap.contract.LienThongFaultDetail;
import vn.lienthong.dms.soap.contract.ObjectFactory;

/**
 * Gives every fault leaving the endpoint the one shape, whoever raised it. Our own {@link LienThongFault}s keep
 * their detail; the rest are CXF's: a request that breaks the contract (not XML, schema-invalid, unknown
 * operation) becomes INVALID_REQUEST with the parser's reason and position, and anything else INTERNAL_ERROR
 * with no cause at all, so no stack trace or internal message ever reaches a client. Faults of the client's
 * making are soap:Client, the connector's own soap:Server.
 */
final class FaultShaping extends AbstractSoapInterceptor {

    private static final JAXBContext FAULT_TYPES = faultTypes();
    /** Parser messages quote the offending value; a long one may be document content or personal data. */
    private static final Pattern LONG_QUOTED_VALUE = Pattern.compile("'[^']{41,}'");
    private static final int MAX_REASON_LENGTH = 400;
    /** What CXF says when a request has more MTOM parts than AttachmentUtil.ATTACHMENT_MAX_COUNT. */
    private static final String TOO_MANY_ATTACHMENTS = "more attachments than are permitted";

    FaultShaping() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        Fault fault = exception instanceof Fault ? (Fault) exception : new Fault(exception);
        message.setContent(Exception.class, fault);
        LienThongFault ours = find(fault, LienThongFault.class);
        if (ours != null) {
            fault.setFaultCode(ours.getFaultInfo().getStatus() == FaultStatus.INTERNAL_ERROR
                    ? message.getVersion().getReceiver() : message.getVersion().getSender());
            // Raised by an interceptor (EarlyAuthentication) before any operation is known, it has no detail yet.
            fault.setMessage(ours.getMessage());
            fault.setDetail(detail(ours.getFaultInfo()));
            return;
        }
        DmsError overLimit = overLimit(fault);
        boolean requestProblem = overLimit != null || isRequestProblem(fault);
        DmsError error = overLimit != null ? overLimit : requestProblem ? invalidRequest(fault) : Faults.internalError();
        FaultStatus status = requestProblem ? FaultStatus.INVALID_REQUEST : FaultStatus.INTERNAL_ERROR;
        fault.setMessage(Faults.summary(List.of(error)));
        fault.setFaultCode(requestProblem ? message.getVersion().getSender() : message.getVersion().getReceiver());
        fault.setDetail(detail(Faults.detail(status, List.of(error))));
    }

    /**
     * The client's doing: CXF says so with a Client/Sender code, or the cause is in reading the request's XML.
     * Failing to write an answer (a MarshalException) is the connector's.
     */
    static boolean isRequestProblem(Throwable fault) {
        if (find(fault, RequestQuota.Exceeded.class) != null || find(fault, AttachmentCount.TooMany.class) != null) {
            return true;
        }
        if (fault instanceof Fault && ((Fault) fault).getFaultCode() != null
                && ((Fault) fault).getFaultCode().getLocalPart().toLowerCase(Locale.ROOT).matches("client|sender")) {
            return true;
        }
        return find(fault, UnmarshalException.class) != null || find(fault, SAXException.class) != null
                || find(fault, XMLStreamException.class) != null;
    }

    private static DmsError invalidRequest(Fault fault) {
        NameLengthLimit.NameTooLongException longName = find(fault, NameLengthLimit.NameTooLongException.class);
        if (longName != null) {
            FindingCode code = FindingCode.LIMIT_NAME_LENGTH;
            return new DmsError(code.name(), "ERROR", code.vietnamese(longName.limit()), code.english(longName.limit()),
                    new DmsError.Where(longName.line(), longName.column(), null));
        }
        SAXParseException parse = find(fault, SAXParseException.class);
        XMLStreamException stream = find(fault, XMLStreamException.class);
        Integer line = null;
        Integer column = null;
        if (parse != null && parse.getLineNumber() > 0) {
            line = parse.getLineNumber();
            column = parse.getColumnNumber() > 0 ? parse.getColumnNumber() : null;
        } else if (stream != null && stream.getLocation() != null && stream.getLocation().getLineNumber() > 0) {
            line = stream.getLocation().getLineNumber();
            column = stream.getLocation().getColumnNumber() > 0 ? stream.getLocation().getColumnNumber() : null;
        }
        return Faults.invalidRequest(reason(fault.getMessage()), line, column);
    }

    /** A request over one of the listener's limits: larger than its quota, or with more MTOM parts than allowed. */
    private static DmsError overLimit(Fault fault) {
        RequestQuota.Exceeded tooLarge = find(fault, RequestQuota.Exceeded.class);
        if (tooLarge != null) {
            return Faults.requestTooLarge(tooLarge.limit());
        }
        if (find(fault, AttachmentCount.TooMany.class) != null) {
            return Faults.tooManyAttachments();
        }
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().contains(TOO_MANY_ATTACHMENTS)) {
                return Faults.tooManyAttachments();
            }
        }
        return null;
    }

    static String reason(String message) {
        String reason = message == null ? "the request does not match the WSDL" : message.strip();
        reason = reason.replaceFirst("^(Unmarshalling Error|Marshalling Error):\\s*", "");
        reason = LONG_QUOTED_VALUE.matcher(reason).replaceAll("'…'");
        if (reason.toLowerCase(Locale.ROOT).contains("text size limit")) {
            // The one limit a well-meaning client hits: a large envelope sent inline instead of as an attachment.
            reason = reason + " (send large envelopes as MTOM attachments)";
        }
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason;
    }

    private static Element detail(LienThongFaultDetail faultDetail) {
        Element detail = DOMUtils.newDocument().createElement("detail");
        try {
            Marshaller marshaller = FAULT_TYPES.createMarshaller();
            marshaller.marshal(new ObjectFactory().createLienThongFault(faultDetail), detail);
        } catch (JAXBException e) {
            throw new IllegalStateException("the fault detail types are generated from the WSDL and always marshal", e);
        }
        return detail;
    }

    /** The first throwable of that type in the cause chain (JAXB's linked exceptions included). */
    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            Throwable next = current.getCause();
            if (next == null && current instanceof JAXBException) {
                next = ((JAXBException) current).getLinkedException();
            }
            current = next;
        }
        return null;
    }

    private static JAXBContext faultTypes() {
        try {
            return JAXBContext.newInstance(LienThongFaultDetail.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the fault detail types are generated from the WSDL", e);
        }
    }
}
