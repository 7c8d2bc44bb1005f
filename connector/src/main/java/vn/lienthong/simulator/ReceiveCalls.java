package vn.lienthong.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import java.util.Optional;
import vn.lienthong.edxml.MessageType;

/** The recipient's side of the mailbox: what is waiting, how many, and updateStatus once a package is taken. */
final class ReceiveCalls {

    private final PostOffice postOffice;
    private final Counters counters;

    ReceiveCalls(PostOffice postOffice, Counters counters) {
        this.postOffice = postOffice;
        this.counters = counters;
    }

    /** getReceivedEdocList: a package stays listed until its recipient system says updateStatus done. */
    Answer receivedList(Caller caller, HttpExchange exchange) {
        TypeFilter filter = TypeFilter.of(caller);
        if (filter.refusal() != null) {
            return Answer.fail(400, filter.refusal());
        }
        ObjectNode fields = Answer.members();
        ArrayNode data = fields.putArray("data");
        for (MailboxRows.Received row : postOffice.waitingFor(caller.systemId(), filter.type())) {
            ObjectNode item = data.addObject();
            item.put("docId", row.docId());
            item.put("serviceType", row.serviceType());
            item.put("messageType", row.messageType());
            item.put("created_time", row.createdTime());
            item.put("updated_time", row.updatedTime());
            item.put("from", row.from());
            item.put("to", row.to());
            item.put("status", row.status());
            item.put("status_desc", row.statusDescription());
        }
        return Answer.ok(fields);
    }

    Answer countEdocs(Caller caller, HttpExchange exchange) {
        return count(caller, MessageType.EDOC);
    }

    Answer countStatuses(Caller caller, HttpExchange exchange) {
        return count(caller, MessageType.STATUS);
    }

    private Answer count(Caller caller, MessageType type) {
        ObjectNode fields = Answer.members();
        fields.put("count", postOffice.countWaiting(caller.systemId(), type));
        return Answer.ok(fields);
    }

    /** updateStatus: {@code done} once the package is safely taken, {@code fail} to leave it listed. */
    Answer updateStatus(Caller caller, HttpExchange exchange) {
        Optional<String> docId = caller.header("docId");
        if (docId.isEmpty()) {
            return Answer.fail(400, "docId is not among the signed headers");
        }
        String status = caller.header("status").map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        if (!status.equals("done") && !status.equals("fail")) {
            return Answer.fail(400, "status must be done or fail").about(docId.get());
        }
        boolean done = status.equals("done");
        if (!postOffice.acknowledge(caller.systemId(), docId.get(), done)) {
            return Answer.fail(404, "no package " + docId.get() + " for this system").about(docId.get());
        }
        if (done) {
            counters.packagesAcknowledged.incrementAndGet();
        }
        return Answer.ok().about(docId.get());
    }
}
