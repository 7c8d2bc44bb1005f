package vn.lienthong.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.findings.Direction;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.JsonReportPrinter;
import vn.lienthong.validation.ReportPrinter;
import vn.lienthong.validation.TextReportPrinter;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.SeverityPolicy;
import vn.lienthong.findings.Problem;
import vn.lienthong.validation.ValidationReport;
import vn.lienthong.validation.ValidationSettings;

/** {@code validate FILE|DIR...}: checks envelopes and reports every finding, file by file, without stopping. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Kiểm tra gói tin edXML: cú pháp XML, lược đồ XSD và các quy tắc nghiệp vụ.",
                "Validates edXML envelopes: XML syntax, the XSD, and the business rules.",
                "Exit / Mã thoát: 0 all valid (warnings allowed), 1 some invalid, 2 some unreadable or usage error."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Envelope files, or folders searched for *.edxml and *.xml files.")
    private List<Path> inputs;

    @Option(names = "--json", description = "One JSON object per file, one per line (JSON Lines).")
    private boolean json;

    @Option(names = "--direction", paramLabel = "outbound|inbound", defaultValue = "outbound",
            description = {"outbound (mặc định/default): kiểm tra như khi gửi đi, chặt chẽ / judged as something to send, strictly.",
                    "inbound: kiểm tra như khi nhận từ trục, rộng rãi / judged as something received from the axis, liberally."})
    private String direction;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file overriding the defaults (limits, severity policy).")
    private Path configFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ValidationSettings settings;
        Properties properties;
        try {
            properties = ConnectorProperties.load(configFile);
            settings = ValidationSettings.fromProperties(properties);
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        Direction judgedAs;
        try {
            judgedAs = Direction.valueOf(direction.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Hướng không hợp lệ / Invalid direction: --direction nhận/takes outbound"
                    + " hoặc/or inbound, không phải/not '" + direction + "'");
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        ReportPrinter printer = json ? new JsonReportPrinter(out) : new TextReportPrinter(out);
        Tally tally = new Tally();
        try (SpoolDirectory spool = SpoolDirectory.create(properties.getProperty("lienthong.spool.directory"))) {
            EnvelopeValidator validator = new EnvelopeValidator(settings, spool.path());
            for (InputFiles.Input input : InputFiles.expand(inputs)) {
                if (input.unreadableReason() != null) {
                    tally.unreadable++;
                    printer.print(input.file(), unreadableReport(input.unreadableReason(), judgedAs));
                } else {
                    validateOne(validator, input.file(), judgedAs, printer, tally);
                }
            }
        }
        printer.summary(tally.valid, tally.invalid, tally.unreadable);
        out.flush();
        if (tally.unreadable > 0) {
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        return tally.invalid > 0 ? ExitCodes.SOME_INVALID : ExitCodes.ALL_VALID;
    }

    private static void validateOne(EnvelopeValidator validator, Path file, Direction direction, ReportPrinter printer,
                                    Tally tally) {
        ValidationReport report;
        try {
            report = validator.validate(file, direction);
        } catch (IOException e) {
            tally.unreadable++;
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            printer.print(file, unreadableReport(new Bilingual(reason, reason), direction));
            return;
        }
        if (report.valid()) {
            tally.valid++;
        } else {
            tally.invalid++;
        }
        printer.print(file, report);
    }

    private static ValidationReport unreadableReport(Bilingual reason, Direction direction) {
        Finding finding = SeverityPolicy.defaults()
                .apply(Problem.of(FindingCode.FILE_UNREADABLE, Location.UNKNOWN, reason), direction)
                .orElseThrow();
        return new ValidationReport(direction, Optional.empty(), List.of(finding));
    }

    /** Counts per outcome, for the summary and the exit code. */
    private static final class Tally {
        int valid;
        int invalid;
        int unreadable;
    }

    /** Expands folders into the envelope files under them, keeping the order of the arguments. */
    static final class InputFiles {

        /** A file to validate, or a path that cannot be (with the reason, in both languages). */
        record Input(Path file, Bilingual unreadableReason) {
        }

        private InputFiles() {
        }

        static List<Input> expand(List<Path> paths) throws IOException {
            return expand(paths, List.of(".edxml", ".xml"));
        }

        /** {@code extensions}: the lower-case endings of the files taken from folders. */
        static List<Input> expand(List<Path> paths, List<String> extensions) throws IOException {
            List<Input> inputs = new ArrayList<>();
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    try (var walk = Files.walk(path)) {
                        walk.filter(Files::isRegularFile).filter(file -> hasExtension(file, extensions)).sorted()
                                .forEach(file -> inputs.add(new Input(file, null)));
                    }
                } else if (Files.isRegularFile(path)) {
                    inputs.add(new Input(path, null));
                } else {
                    inputs.add(new Input(path, Files.exists(path)
                            ? new Bilingual("không phải tệp thường", "not a regular file")
                            : new Bilingual("không tồn tại", "no such file or directory")));
                }
            }
            return inputs;
        }

        private static boolean hasExtension(Path file, List<String> extensions) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return extensions.stream().anyMatch(name::endsWith);
        }
    }
}
