package vn.lienthong.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * getSentEdocList: the caller's sent packages, one row per recipient, with what each recipient did (collected or
 * not) and the last status it reported. A non-empty {@code docId} narrows the list to that package.
 */
final class SentListCall implements Call {

    private final PostOffice postOffice;

    SentListCall(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    @Override
    public Answer answer(Caller caller, HttpExchange exchange) {
        TypeFilter filter = TypeFilter.of(caller);
        if (filter.refusal() != null) {
            return Answer.fail(400, filter.refusal());
        }
        String docId = caller.header("docId").orElse(null);
        ObjectNode fields = Answer.members();
        ArrayNode data = fields.putArray("data");
        for (MailboxRows.Sent row : postOffice.sentBy(caller.systemId(), filter.type(), docId)) {
            ObjectNode item = data.addObject();
            item.put("senderDocId", row.senderDocId());
            item.put("receiverDocId", row.receiverDocId());
            item.put("fromCode", row.fromCode());
            item.put("toCode", row.toCode());
            item.put("title", row.title());
            item.put("notation", row.notation());
            item.put("sentTime", row.sentTime());
            item.put("receivedTime", row.receivedTime());
            item.put("sendStatus", row.sendStatus());
            item.put("sendStatusDesc", row.sendStatusDescription());
            item.put("receiveStatus", row.receiveStatus());
            item.put("receiveStatusDesc", row.receiveStatusDescription());
            item.put("serviceType", row.serviceType());
            item.put("messageType", row.messageType());
        }
        return Answer.ok(fields).about(docId);
    }
}
