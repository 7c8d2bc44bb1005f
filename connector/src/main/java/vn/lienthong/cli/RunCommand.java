package vn.lienthong.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
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

    /** The DMS clients and where each interface listens, so an operator sees at start what a DMS can reach. */
    static void printDmsInterfaces(PrintWriter out, ConnectorRuntime connector, Properties properties, boolean tls) {
        List<DmsClient> clients = connector.dmsClients().all();
        if (clients.isEmpty()) {
            out.println("  Máy khách DMS / DMS clients: chưa có / none (lienthong.dms.clients-file)");
            return;
        }
        out.println("  Máy khách DMS / DMS clients: " + clients.size() + " ("
                + properties.getProperty("lienthong.dms.clients-file", "").strip() + ")");
        for (DmsClient client : clients) {
            Delivery delivery = client.delivery();
            String where = switch (delivery.mode()) {
                case FOLDER -> " " + delivery.folder();
                case WEBHOOK -> " " + delivery.webhook();
                case JMS, PULL -> "";
            };
            String credential = client.certificateSha256() != null ? "chứng thư / certificate" : "khóa API / API key";
            out.printf("    %-16s %-32s %-24s nhận qua / receives by %s%s%n", client.id(), String.join(", ", client.organIds()),
                    credential, delivery.mode().name().toLowerCase(Locale.ROOT), where);
        }
        if (Boolean.parseBoolean(properties.getProperty("lienthong.api.enabled", "true").strip())) {
            out.println("  REST:  " + (tls ? "https" : "http") + "://" + properties.getProperty("lienthong.api.host", "127.0.0.1").strip() + ":"
                    + properties.getProperty("lienthong.api.port", "8774").strip() + "/api/v1 (OpenAPI: /api/v1/openapi.yaml)");
        }
        connector.soapAddress().ifPresent(address -> out.println("  SOAP:  " + address + "?wsdl"));
        String acceptor = properties.getProperty("lienthong.broker.dms-acceptor", "").strip();
        if (!acceptor.isEmpty()) {
            out.println("  JMS:   " + acceptor + " (hàng đợi / queues lienthong.dms.<client>.in|.results|.out)");
        }
    }

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
        ConnectorRuntime connector;
        try {
            connector = ConnectorRuntime.start(settings);
        } catch (IllegalArgumentException e) {
            // A setting only the start can check (the clients file, the signing key, …): said as such, not as a crash.
            spec.commandLine().getErr().println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        var out = spec.commandLine().getOut();
        out.println("Bộ kết nối đang chạy / Connector running — " + settings.axis().systemId() + " → " + settings.axis().endpoint());
        out.println("  Hộp gửi / Outbox:        " + settings.outbox());
        out.println("  Hộp nhận / Inbox:        " + settings.inbox());
        out.println("  Trạng thái / Status in:  " + settings.statusInbox());
        out.println("  Bị từ chối / Refused:    " + settings.errorFolder());
        var agencies = settings.ourAgencies(connector.dmsClients());
        out.println("  Cơ quan / Agencies:      " + (agencies.isEmpty()
                ? "chưa khai báo, mọi gói tin từ trục đều được nhận / none named, every package from the axis is taken"
                + " (lienthong.agencies)"
                : String.join(", ", agencies)));
        if (settings.httpEnabled()) {
            out.println("  Sức khỏe / Health:       http://" + settings.httpHost() + ":" + settings.httpPort() + "/health");
            out.println("  Gói tin bị giữ / Held:   inbound list" + (configFile == null ? "" : " --config " + configFile));
        }
        printDmsInterfaces(out, connector, settings.resolvedProperties(), settings.dmsTls() != null);
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
