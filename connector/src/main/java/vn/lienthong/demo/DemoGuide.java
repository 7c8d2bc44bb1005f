package vn.lienthong.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.simulator.OutageCommands;

/**
 * What the demo tells an operator to type, exactly: per connector, the commands that show and retry dead letters and
 * the metrics line that counts them; then, once the sample documents have travelled, the steps of an injected
 * outage from the first agency to the second, end to end. Every command printed is a complete one, with this demo's
 * paths and ports.
 */
public final class DemoGuide {

    /** How long the outage the guide suggests lasts: time to move a document in and see it become a dead letter. */
    static final int OUTAGE_SECONDS = 60;
    private static final String RETRY_REASON = "trục đã hoạt động lại";
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@,+=%-]+");

    private final Demo demo;
    private final String invocation;

    /** {@code invocation} is how this program is started on this machine, e.g. {@code java -jar …/lienthong.jar}. */
    public DemoGuide(Demo demo, String invocation) {
        this.demo = demo;
        this.invocation = invocation;
    }

    /** The operator's lines for one agency's connector, indented to sit under its outbox and console. */
    public void printOperating(DemoNetwork.Agency agency, PrintWriter out) {
        String config = shellWord(demo.operatorConfig(agency.organId()).toString());
        out.println("    vận hành từ dòng lệnh / operating from the command line: --config " + config);
        out.println("      " + deadLettersList(agency));
        out.println("      " + deadLettersRetry(agency));
        out.println("      " + metricsLine(agency));
    }

    /** The steps of an outage injected while the demo runs, for a person to follow one by one. */
    public void printOutageSteps(PrintWriter out) throws IOException {
        List<DemoNetwork.Agency> agencies = demo.network().agencies();
        DemoNetwork.Agency sender = agencies.get(0);
        DemoNetwork.Agency recipient = agencies.get(1);
        URI control = demo.network().simulator().faultControl();
        ConnectorRuntime connector = demo.network().connector(sender.organId());
        String senderName = sender.organization().organName();
        String recipientName = recipient.organization().organName();
        out.println("Thử một sự cố / Try an outage:");
        out.println("  1. Trục trả lỗi 503 cho mọi lời gọi trong " + OUTAGE_SECONDS + " giây / The axis answers every call 503"
                + " for " + OUTAGE_SECONDS + " s:");
        out.println("       " + OutageCommands.inject(control, OutageCommands.UNAVAILABLE, OUTAGE_SECONDS));
        out.println("  2. Trong lúc đó, " + senderName + " gửi một văn bản / Meanwhile, " + senderName + " sends a document:");
        List<Path> spares = demo.spareDocuments(sender.organId());
        if (spares.isEmpty()) {
            out.println("       (hết văn bản mẫu: thả một tệp .edxml vào / no sample left: drop an .edxml file into) "
                    + shellWord(connector.settings().outbox().toString()));
        } else {
            out.println("       mv " + shellWord(spares.get(0).toString()) + " "
                    + shellWord(connector.settings().outbox() + "/"));
        }
        out.println("  3. Sau khoảng 10 giây (5 lần thử), văn bản thành thư chết / Within about 10 s (5 attempts), it"
                + " becomes a dead letter:");
        out.println("       bảng điều khiển / console: " + managementBase(connector) + "/console/");
        out.println("       " + metricsLine(sender));
        out.println("       " + deadLettersList(sender));
        out.println("  4. Kết thúc sự cố ngay, hoặc chờ hết " + OUTAGE_SECONDS + " giây / End the outage now, or wait the "
                + OUTAGE_SECONDS + " s out:");
        out.println("       " + OutageCommands.end(control));
        out.println("  5. Gửi lại từ bảng điều khiển hoặc từ dòng lệnh; văn bản đến " + recipientName + " đúng một lần"
                + " / Retry it from the console or the command line; the document reaches " + recipientName + " once:");
        out.println("       " + deadLettersRetry(sender));
        out.println("  Cách khác / Other outages: \"" + OutageCommands.REFUSE_SENDS + "\" trục từ chối mọi văn bản gửi đến,"
                + " thành thư chết ngay / the axis refuses every send, a dead letter at once; \"" + OutageCommands.DOWN
                + "\" trục ngừng nghe / the axis stops listening. Xem / Show: " + OutageCommands.show(control));
        out.flush();
    }

    /**
     * What an auditor does with the first agency's log: export today, verify it offline against the simulator's TSA
     * certificate, and take and check one document's evidence bundle.
     */
    public void printAuditing(PrintWriter out) {
        DemoNetwork.Agency agency = demo.network().agencies().get(0);
        String config = shellWord(demo.operatorConfig(agency.organId()).toString());
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        String export = shellWord(demo.root().resolve(agency.systemId() + "-" + day + ".jsonl").toString());
        String tsa = shellWord(demo.network().simulator().timestampAuthorityCertificate().toString());
        String bundle = shellWord(demo.root().resolve("evidence.zip").toString());
        out.println("Kiểm toán / Audit (nhật ký được neo mỗi 30 giây / the log is anchored every 30 s; docs/auditing.md):");
        out.println("  1. Xuất nhật ký hôm nay / Export today's log:");
        out.println("       " + invocation + " audit export --from " + day + " --to " + day + " -o " + export
                + " --config " + config);
        out.println("  2. Kiểm tra ngoại tuyến / Verify it offline:");
        out.println("       " + invocation + " audit verify --tsa-cert " + tsa + " " + export);
        out.println("  3. Bằng chứng của một văn bản (MÃ/KEY từ / from documents list) / One document's evidence:");
        out.println("       " + invocation + " documents list --config " + config);
        out.println("       " + invocation + " audit evidence MÃ/KEY -o " + bundle + " --config " + config);
        out.println("       " + invocation + " audit verify --tsa-cert " + tsa + " " + bundle);
        out.flush();
    }

    private String deadLettersList(DemoNetwork.Agency agency) {
        return invocation + " dead-letters list --config " + shellWord(demo.operatorConfig(agency.organId()).toString());
    }

    private String deadLettersRetry(DemoNetwork.Agency agency) {
        return invocation + " dead-letters retry MÃ/KEY --reason " + shellWord(RETRY_REASON) + " --config "
                + shellWord(demo.operatorConfig(agency.organId()).toString());
    }

    private String metricsLine(DemoNetwork.Agency agency) {
        return "curl -s " + managementBase(demo.network().connector(agency.organId())) + "/metrics | grep dead";
    }

    private static String managementBase(ConnectorRuntime connector) {
        String host = connector.settings().httpHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.settings().httpPort();
    }

    /** A word a POSIX shell reads back as it is: single-quoted unless it is plainly safe. */
    public static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
