package vn.lienthong.demo;

import java.io.PrintWriter;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.ChainVerdict;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;

/** What travelled, per agency, as a person reads it: each document, where it is, and what its recipients said. */
final class DemoSummary {

    /** What stands for a queue's depth that could not be counted. */
    private static final String UNCOUNTED = "? (không đếm được / could not be counted)";

    private DemoSummary() {
    }

    static void print(DemoNetwork network, PrintWriter out) {
        for (DemoNetwork.Agency agency : network.agencies()) {
            ConnectorRuntime connector = network.connector(agency.organId());
            out.println();
            out.println("== " + agency.organization().organName() + " (" + agency.organId() + ", hệ thống/system "
                    + agency.systemId() + ")");
            List<TrackedDocument> sent = documents(connector, Direction.OUTBOUND, "edoc");
            out.println("   Văn bản đã gửi / Documents sent: " + sent.size());
            for (TrackedDocument document : sent) {
                out.printf("     %-16s → %-15s %-10s trạng thái/statuses: %s%n", document.code(),
                        String.join(",", document.recipients()), document.state(), timeline(connector, document));
            }
            List<TrackedDocument> received = documents(connector, Direction.INBOUND, "edoc");
            out.println("   Văn bản đã nhận / Documents received: " + received.size());
            for (TrackedDocument document : received) {
                out.printf("     %-16s ← %-15s %s%n", document.code(), document.senderOrganId(), document.state());
            }
            Map<DocumentState, Long> outbound = connector.tracker().countByState(Direction.OUTBOUND);
            Map<DocumentState, Long> inbound = connector.tracker().countByState(Direction.INBOUND);
            out.println("   Gói tin đi / outbound (văn bản + trạng thái / documents + statuses): " + outbound);
            out.println("   Gói tin đến / inbound: " + inbound);
            String depths = Demo.QUEUES.stream()
                    .map(queue -> queue.substring("lienthong.".length()) + " " + shown(connector.queueDepth(queue)))
                    .collect(Collectors.joining(", "));
            out.println("   Hàng đợi / Queues: " + depths + "; thư chết / dead letters "
                    + deadLetters(Demo.QUEUES.stream().mapToLong(queue -> connector.queueDepth("DLQ." + queue))));
            ChainVerdict chain = connector.transmissionLog().verify();
            out.println("   Nhật ký truyền nhận / Transmission log: " + chain.checkedEntries() + " mục/entries, "
                    + (chain.intact() ? "chuỗi băm nguyên vẹn / hash chain intact" : "CHUỖI BỊ HỎNG / CHAIN BROKEN: " + chain.reason()));
        }
        out.flush();
    }

    private static List<TrackedDocument> documents(ConnectorRuntime connector, Direction direction, String type) {
        return connector.tracker().list(direction, 1000).stream()
                .filter(document -> type.equals(document.messageType()))
                .toList();
    }

    private static String timeline(ConnectorRuntime connector, TrackedDocument document) {
        return connector.tracker().timeline(document.key()).stream()
                .map(RecipientStatus::statusCode)
                .collect(Collectors.joining(" → "));
    }

    /** A queue's depth, or what stands for one that could not be counted (a negative depth). */
    static String shown(long depth) {
        return depth < 0 ? UNCOUNTED : Long.toString(depth);
    }

    /** The dead letters of all queues; not a sum when a queue could not be counted, which would hide them. */
    static String deadLetters(LongStream depths) {
        LongSummaryStatistics all = depths.summaryStatistics();
        return all.getMin() < 0 ? UNCOUNTED : Long.toString(all.getSum());
    }
}
