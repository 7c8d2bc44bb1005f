package vn.lienthong.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.demo.Demo;
import vn.lienthong.demo.DemoGuide;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;

/** {@code demo}: everything embedded, documents travelling both ways, until Ctrl-C. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Trình diễn: trục mô phỏng, hai cơ quan, mỗi cơ quan một bộ kết nối; văn bản đi hai chiều, trạng thái "
                        + "01, 03, 06 quay về; chạy đến khi bấm Ctrl-C.",
                "Demo: a simulated axis and two agencies, each with its own connector; documents travel both ways and "
                        + "statuses 01, 03, 06 come back; runs until Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the demo keeps its files (default: a new temporary folder).")
    private Path data;

    @Option(names = "--documents", paramLabel = "N", defaultValue = "3",
            description = "Documents each agency sends to the other (default: ${DEFAULT-VALUE}).")
    private int documents;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8770",
            description = "HTTP port of the first connector's health endpoint; the next one uses PORT+1 (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8774",
            description = "Port of the first connector's DMS REST API; the next one uses PORT+1 (default: ${DEFAULT-VALUE}).")
    private int apiPort;

    @Option(names = "--exit-when-done", description = "Stop after the summary instead of running until Ctrl-C.")
    private boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = data != null ? Files.createDirectories(data) : Files.createTempDirectory("lienthong-demo-");
        Properties overrides = new Properties();
        overrides.setProperty("lienthong.http.port", Integer.toString(port));
        overrides.setProperty("lienthong.api.port", Integer.toString(apiPort));
        out.println("Khởi động trục mô phỏng và hai bộ kết nối / Starting a simulated axis and two connectors in " + root);
        out.flush();
        Demo demo;
        try {
            demo = Demo.start(root, overrides);
        } catch (IllegalArgumentException e) { // a port another program holds, most likely
            spec.commandLine().getErr().println("Không chạy được bản trình diễn / The demo cannot run: " + e.getMessage()
                    + " (--port, --api-port)");
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            demo.close();
            out.println("Đã dừng gọn gàng / Stopped cleanly.");
            out.flush();
            stopped.countDown();
        }, "lienthong-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        String invocation = invocation();
        DemoGuide guide = new DemoGuide(demo, invocation);
        printWhere(demo, guide, invocation, out);
        demo.sendSampleDocuments(documents);
        out.println();
        out.println("Đã đặt " + documents + " văn bản vào hộp gửi của mỗi cơ quan; đang chờ chúng đi, đến nơi và trạng thái quay về...");
        out.println("Put " + documents + " documents in each agency's outbox; waiting for them to travel, arrive and be answered...");
        out.flush();
        boolean complete = demo.awaitCompletion(documents);
        demo.printSummary(out);
        out.println();
        out.println(complete
                ? "Mọi văn bản đã đến nơi và nhận trạng thái 06 / Every document arrived and was answered with 06."
                : "Chưa xong trong thời gian chờ / Not complete in time — see the states above.");
        if (exitWhenDone) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            demo.close();
            out.println("Đã dừng / Stopped.");
            return complete ? 0 : 1;
        }
        out.println();
        guide.printOutageSteps(out);
        out.println();
        guide.printAuditing(out);
        out.println();
        out.println("Bộ kết nối vẫn chạy: thả thêm tệp .edxml vào hộp gửi để gửi tiếp. Ctrl-C để dừng.");
        out.println("The connectors keep running: drop more .edxml files into an outbox to send them. Ctrl-C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (an embedding program): close now, the hook is not needed any more.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            demo.close();
            Thread.currentThread().interrupt();
        }
        return complete ? 0 : 1;
    }

    /** How this program is started here, for commands printed to be pasted: the jar it runs from, if it is one. */
    private static String invocation() {
        try {
            Path location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.getFileName() != null && location.getFileName().toString().endsWith(".jar")) {
                return "java -jar " + DemoGuide.shellWord(location.toString());
            }
        } catch (URISyntaxException | RuntimeException notAFile) {
            // Run from somewhere without a file location; the installed command's name is the best guess.
        }
        return "lienthong";
    }

    private static void printWhere(Demo demo, DemoGuide guide, String invocation, PrintWriter out) {
        out.println("Trục mô phỏng / Simulated axis: " + demo.network().simulator().endpoint()
                + " (gây sự cố / inject an outage: " + demo.network().simulator().faultControl() + ")");
        out.println("Máy chủ cấp dấu thời gian / Time-stamping authority: " + demo.network().simulator().timestampAuthority()
                + " (chứng thư số / certificate: " + demo.network().simulator().timestampAuthorityCertificate() + ")");
        for (DemoNetwork.Agency agency : demo.network().agencies()) {
            ConnectorRuntime connector = demo.network().connector(agency.organId());
            out.println("  " + agency.organization().organName() + " (" + agency.organId() + ")");
            out.println("    hộp gửi / outbox: " + connector.settings().outbox());
            out.println("    hộp nhận / inbox: " + connector.settings().inbox());
            out.println("    sức khỏe / health: http://" + connector.settings().httpHost() + ":"
                    + connector.settings().httpPort() + "/health");
            out.println("    bảng điều khiển / console: http://" + connector.settings().httpHost() + ":"
                    + connector.settings().httpPort() + "/console/ (" + invocation + " users add TÊN/NAME --role admin --file "
                    + DemoGuide.shellWord(connector.settings().dataDirectory().resolve("users.json").toString()) + ")");
            guide.printOperating(agency, out);
        }
        out.flush();
    }
}
