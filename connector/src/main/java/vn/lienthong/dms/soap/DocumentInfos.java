package vn.lienthong.dms.soap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import vn.lienthong.dms.DocumentView;
import vn.lienthong.dms.soap.contract.DocumentInfo;
import vn.lienthong.dms.soap.contract.TimelineEntry;

/** A {@link DocumentView} as the WSDL's {@code DocumentInfo}: the same fields, times in UTC, findings as errors. */
final class DocumentInfos {

    private static final DatatypeFactory DATES = datatypeFactory();

    private DocumentInfos() {
    }

    static DocumentInfo of(DocumentView view) {
        DocumentInfo info = new DocumentInfo();
        info.setKey(view.key());
        info.setDirection(view.direction());
        info.setMessageType(view.messageType());
        info.setState(view.state());
        info.setStateReason(view.stateReason());
        info.setSender(view.sender());
        info.getRecipient().addAll(view.recipients());
        info.setDocumentId(view.documentId());
        info.setCode(view.code());
        info.setAxisDocId(view.axisDocId());
        info.setCreated(time(view.created()));
        info.setUpdated(time(view.updated()));
        for (DocumentView.TimelineEntry step : view.timeline()) {
            TimelineEntry entry = new TimelineEntry();
            entry.setRecipient(step.recipient());
            entry.setStatusCode(step.statusCode());
            entry.setDescription(step.description());
            entry.setAt(time(step.at()));
            info.getTimeline().add(entry);
        }
        view.findings().forEach(finding -> info.getFinding().add(Faults.error(finding)));
        return info;
    }

    private static XMLGregorianCalendar time(Instant instant) {
        return instant == null ? null : DATES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK has a DatatypeFactory", e);
        }
    }
}
