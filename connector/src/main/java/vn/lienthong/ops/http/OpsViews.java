package vn.lienthong.ops.http;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.InboundHold;

/** How the operations API shows what tracking holds: one JSON shape per kind of thing, for every resource. */
final class OpsViews {

    private OpsViews() {
    }

    static Map<String, Object> document(TrackedDocument document) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", document.key().value());
        view.put("direction", document.direction().name());
        view.put("state", document.state().name());
        view.put("reason", document.stateReason());
        view.put("messageType", document.messageType());
        view.put("axisDocId", document.axisDocId());
        view.put("sender", document.senderOrganId());
        view.put("recipients", document.recipients());
        view.put("documentId", document.documentId());
        view.put("code", document.code());
        view.put("received", String.valueOf(document.created()));
        view.put("updated", String.valueOf(document.updated()));
        return view;
    }

    static Map<String, Object> event(LogEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sequence", event.sequence());
        view.put("time", String.valueOf(event.time()));
        view.put("step", event.step());
        view.put("outcome", event.outcome());
        view.put("detail", event.detail());
        return view;
    }

    /** A held inbound package in full: its record, every finding, its signature report and log entries. */
    static Map<String, Object> held(InboundHold.Details details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document", document(details.document()));
        body.put("findings", details.findings().stream().map(RecordedFinding::view).toList());
        body.put("signatureReport", details.signatureReport());
        body.put("events", details.events().stream().map(OpsViews::event).toList());
        return body;
    }
}
