package vn.lienthong.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.ConnectorSettings;

/** {@code run}: the connector for a real axis, until it is stopped (Ctrl-C or SIGTERM). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Chạy bộ kết nối với trục thật: endpoint, systemId trong cấu hình; khóa bí mật từ biến môi trường "
                        + "LIENTHONG_AXIS_SECRET hoặc tệp lienthong.axis.secret-file.",
                "Runs the connector against a real axis: endpoint and systemId from the configuration; the secret from "
                        + "LIENTHONG_AXIS_SECRET or the file named by lienthong.axis.secret-file."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file overriding config/application.properties (every key is documented there).")
    private Path configFile;

    @Override
    public Integer call() throws Exception {
        ConnectorSettings settings;
        try {
            Properties properties = ConnectorProperties.load(configFile);
            settings = ConnectorSettings.from(properties, ConnectorSettings.secretFrom(properties, System.getenv()), 0);
        } catch (IllegalArgumentException | java.io.IOException e) {
            spec.commandLine().getErr().println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        ConnectorRuntime connector = ConnectorRuntime.start(settings);
        var out = spec.commandLine().getOut();
        out.println("Bộ kết nối đang chạy / Connector running — " + settings.axis().systemId() + " → " + settings.axis().endpoint());
        out.println("  Hộp gửi / Outbox:        " + settings.outbox());
        out.println("  Hộp nhận / Inbox:        " + settings.inbox());
        out.println("  Trạng thái / Status in:  " + settings.statusInbox());
        out.println("  Bị từ chối / Refused:    " + settings.errorFolder());
        if (settings.httpEnabled()) {
            out.println("  Sức khỏe / Health:       http://" + settings.httpHost() + ":" + settings.httpPort() + "/health");
        }
        out.println("Ctrl-C để dừng / Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connector.close();
            stopped.countDown();
        }, "lienthong-shutdown"));
        stopped.await();
        return 0;
    }
}
