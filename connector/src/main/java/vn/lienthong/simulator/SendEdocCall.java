package vn.lienthong.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.lienthong.edxml.MessageType;

/**
 * sendEdoc: takes a package in, works out its recipients (the {@code to} header, else the envelope), and puts
 * one copy per recipient into the mailbox of the system receiving for it. Every reason to refuse is checked
 * before anything is delivered, so a refused package leaves no trace.
 */
final class SendEdocCall implements Call {

    private final PackageIntake intake;
    private final Registry registry;
    private final PostOffice postOffice;
    private final FaultInjector faults;
    private final Counters counters;
    private final Clock clock;

    SendEdocCall(PackageIntake intake, Registry registry, PostOffice postOffice, FaultInjector faults,
                 Counters counters, Clock clock) {
        this.intake = intake;
        this.registry = registry;
        this.postOffice = postOffice;
        this.faults = faults;
        this.counters = counters;
        this.clock = clock;
    }

    /** Where a package goes, or why it cannot go anywhere. */
    private record Addressing(String from, List<Delivery> deliveries, String refusal) {

        static Addressing refused(String refusal) {
            return new Addressing(null, List.of(), refusal);
        }
    }

    @Override
    public Answer answer(Caller caller, HttpExchange exchange) throws IOException {
        if (faults.refuseSendsNow()) {
            return refuse("Trục mô phỏng đang giả lập việc từ chối mọi văn bản gửi đến / injected refusal: the simulator"
                    + " refuses every package sent for a while").noted("injected refusal");
        }
        PackageIntake.Intake taken = intake.take(exchange.getRequestBody(), caller.header("hash-file").orElse(null));
        if (taken instanceof PackageIntake.Intake.Refused refused) {
            return refuse(refused.reason());
        }
        Path file = ((PackageIntake.Intake.Taken) taken).file();
        EnvelopeFacts facts = ((PackageIntake.Intake.Taken) taken).facts();
        Instant now = clock.instant();
        Addressing addressing = address(caller, facts, now);
        String docId = UUID.randomUUID().toString();
        if (addressing.refusal() != null || faults.dropThisPackage()) {
            Files.deleteIfExists(file);
            if (addressing.refusal() != null) {
                return refuse(addressing.refusal());
            }
            counters.dropped.incrementAndGet();
            return accepted(docId).noted("dropped on purpose (accept-then-drop)");
        }
        Path stored = Files.move(file, file.resolveSibling(docId + ".edxml"));
        postOffice.post(new Parcel(docId, stored, caller.header("servicetype").orElse("eDoc"), facts.type(),
                addressing.from(), caller.systemId(), facts, now, addressing.deliveries()));
        counters.acceptedSends.incrementAndGet();
        return accepted(docId);
    }

    private Addressing address(Caller caller, EnvelopeFacts facts, Instant now) {
        Optional<String> declared = caller.header("messagetype").map(type -> type.toLowerCase(Locale.ROOT));
        if (declared.isPresent() && !declared.get().equals(facts.type().wireName())) {
            return Addressing.refused("messagetype is " + declared.get() + " but the envelope is a "
                    + facts.type().wireName());
        }
        String from = caller.header("from").orElse(facts.from());
        if (from == null) {
            return Addressing.refused("the sender is not named: no from header and no From/OrganId in the envelope");
        }
        List<String> recipients;
        Optional<String> toHeader = caller.header("to");
        if (toHeader.isPresent()) {
            Optional<List<String>> listed = parseTo(toHeader.get());
            if (listed.isEmpty()) {
                return Addressing.refused("the to header is not a JSON array of OrganIds");
            }
            recipients = listed.get();
        } else {
            recipients = facts.recipients();
        }
        if (recipients.isEmpty()) {
            return Addressing.refused(facts.type() == MessageType.STATUS
                    ? "no recipient: no to header and no ResponseFor/OrganId in the status"
                    : "no recipient: no to header and no To/OrganId in the envelope");
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (String recipient : recipients) {
            Optional<String> system = registry.systemReceivingFor(recipient);
            if (system.isEmpty()) {
                return Addressing.refused("recipient " + recipient
                        + " is not registered on this axis (neither an agency nor a system id)");
            }
            deliveries.add(new Delivery(recipient, system.get(), now));
        }
        return new Addressing(from, deliveries, null);
    }

    /** The SDK sends a JSON array; a bare comma-separated list is tolerated, as hand-written clients send one. */
    private static Optional<List<String>> parseTo(String text) {
        List<String> listed;
        if (text.startsWith("[")) {
            try {
                listed = Answer.JSON.readValue(text, new TypeReference<List<String>>() {
                });
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        } else {
            listed = Arrays.asList(text.split(","));
        }
        Set<String> recipients = new LinkedHashSet<>();
        for (String recipient : listed) {
            if (recipient != null && !recipient.isBlank()) {
                recipients.add(recipient.strip());
            }
        }
        return Optional.of(List.copyOf(recipients));
    }

    private Answer refuse(String reason) {
        counters.refusedSends.incrementAndGet();
        return Answer.fail(400, reason);
    }

    private static Answer accepted(String docId) {
        ObjectNode fields = Answer.members();
        fields.put("DocId", docId);
        return Answer.ok(fields).about(docId);
    }
}
