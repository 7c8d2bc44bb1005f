package vn.lienthong.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.Faults;
import vn.lienthong.simulator.OutageCommands;
import vn.lienthong.simulator.SimulatorSettings;

/** {@code simulate-axis}: runs the axis simulator in the foreground until Ctrl-C. */
@Command(
        name = "simulate-axis",
        mixinStandardHelpOptions = true,
        description = {
                "Chạy trục liên thông mô phỏng trên máy này (cùng giao thức HTTP) để thử phần mềm quản lý văn bản.",
                "Runs a local axis simulator (the same HTTP protocol) to try document-management software against.",
                "Exit / Mã thoát: 0 stopped, 2 usage error or the port cannot be opened."})
final class SimulateAxisCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8780", paramLabel = "N",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = SimulatorSettings.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(names = "--system", required = true, paramLabel = "ID=SECRET",
            description = "A system allowed to call, with its secret (repeatable).")
    private Map<String, String> systems = new LinkedHashMap<>();

    @Option(names = "--agency", paramLabel = "ORGANID=SYSTEMID",
            description = "An agency whose documents land in that system's mailbox (repeatable). A system id is addressable as it is.")
    private Map<String, String> agencies = new LinkedHashMap<>();

    @Option(names = "--storage", paramLabel = "DIR",
            description = "Where packages are kept while running (default: a temporary directory).")
    private Path storage;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "X",
            description = "Share of calls answered 503, 0..1 (default: ${DEFAULT-VALUE}).")
    private double errorRate;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "N",
            description = "Added before every answer (default: ${DEFAULT-VALUE}).")
    private long latencyMillis;

    @Option(names = "--drop-rate", defaultValue = "0", paramLabel = "X",
            description = "Share of sendEdoc answered OK and then lost, 0..1 (default: ${DEFAULT-VALUE}).")
    private double dropRate;

    @Option(names = "--timestamp-tolerance-s", defaultValue = "300", paramLabel = "N",
            description = "Largest accepted gap between a request's timestamp and this clock (default: ${DEFAULT-VALUE}).")
    private long toleranceSeconds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SimulatorSettings settings;
        try {
            Faults faults = new Faults(errorRate, Duration.ofMillis(latencyMillis), List.of(), dropRate, 0);
            settings = new SimulatorSettings(host, port, systems, agencies, Duration.ofSeconds(toleranceSeconds),
                    storage, faults);
        } catch (IllegalArgumentException e) {
            err.println("Tham số không hợp lệ / Invalid option: " + e.getMessage());
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        AxisSimulator simulator;
        try {
            simulator = AxisSimulator.start(settings);
        } catch (IOException e) {
            err.println("Không mở được cổng / Cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "axis-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        printBanner(simulator, settings);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (tests, an embedding program): the hook is not needed any more.
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            simulator.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void printBanner(AxisSimulator simulator, SimulatorSettings settings) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Trục liên thông mô phỏng đang chạy / Axis simulator listening: " + simulator.endpoint());
        out.println("  Hệ thống / Systems (khóa bí mật không hiển thị / secrets not shown): "
                + String.join(", ", settings.systems().keySet()));
        if (settings.agencies().isEmpty()) {
            out.println("  Cơ quan / Agencies: (chưa có / none; mỗi mã hệ thống nhận được văn bản / each system id is addressable)");
        } else {
            out.println("  Cơ quan / Agencies (OrganId → hệ thống / system):");
            settings.agencies().forEach((organId, systemId) -> out.println("    " + organId + " → " + systemId));
        }
        out.println("  Lưu gói tin / Packages kept in: " + simulator.storageDirectory());
        Faults faults = settings.faults();
        out.println("  Lỗi giả lập / Injected faults: error rate " + faults.errorRate() + ", latency "
                + faults.addedLatency().toMillis() + " ms, drop rate " + faults.acceptThenDropRate());
        out.println("  Sai lệch thời gian cho phép / Timestamp tolerance: " + settings.timestampTolerance().toSeconds() + " s");
        URI control = simulator.faultControl();
        out.println("  Gây sự cố giả lập, chỉ từ máy này / Inject an outage, from this machine only:");
        out.println("    trả 503 cho mọi lời gọi trong 30 giây / answer every call 503 for 30 s:");
        out.println("      " + OutageCommands.inject(control, OutageCommands.UNAVAILABLE, 30));
        out.println("    từ chối mọi văn bản gửi đến / refuse every send: " + OutageCommands.REFUSE_SENDS
                + "; ngừng nghe / stop listening: " + OutageCommands.DOWN);
        out.println("    xem / show: " + OutageCommands.show(control));
        out.println("    kết thúc / end: " + OutageCommands.end(control));
        out.println("  Máy chủ cấp dấu thời gian RFC 3161, chỉ từ máy này / RFC 3161 time-stamping authority, from this"
                + " machine only: " + simulator.timestampAuthority());
        out.println("    chứng thư số / certificate: " + simulator.timestampAuthorityCertificate());
        out.println("Nhấn Ctrl-C để dừng / Press Ctrl-C to stop.");
        out.flush();
    }
}
