package vn.lienthong.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.SignatureReports;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.signature.Verdict;
import vn.lienthong.validation.ValidationSettings;

/** {@code verify FILE|DIR...}: every signature of each envelope, with a verdict and its reasons. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
                "Kiểm tra chữ ký số: chữ ký XML của gói tin và chữ ký trong từng tệp PDF đính kèm; chuỗi chứng thư, "
                        + "thời hạn, thu hồi.",
                "Verifies signatures: the envelope's XML signature and those inside each PDF attachment; certificate "
                        + "path, validity, revocation.",
                "Exit / Mã thoát: 0 every document VALID, 1 some INDETERMINATE, INVALID or unsigned, 2 unreadable or usage error."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Envelope files or PDF files, or folders searched for *.edxml, *.xml and *.pdf files.")
    private List<Path> inputs;

    @Option(names = "--json", description = "One JSON object per file, one per line (JSON Lines).")
    private boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file overriding the defaults.")
    private Path configFile;

    @Option(names = "--trust-store", paramLabel = "DIR",
            description = "Trust anchors to use instead of the configured ones: root CA certificates, PEM or DER.")
    private Path trustStore;

    @Option(names = "--crl", paramLabel = "FILE",
            description = "A CRL to use as offline revocation data (repeatable); nothing is fetched over the network then.")
    private List<Path> crls = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DocumentVerifier verifier;
        Path spool = Files.createTempDirectory("lienthong-verify-");
        try {
            try {
                Properties properties = ConnectorProperties.load(configFile);
                SignatureSettings settings = SignatureSettings.from(properties,
                        Path.of(properties.getProperty("lienthong.data.directory", "data")));
                if (trustStore != null) {
                    settings = settings.withTrustStore(trustStore);
                } else if (!Files.isDirectory(settings.trustStore())
                        && properties.getProperty("lienthong.signature.trust-store", "").isBlank()) {
                    // An auditor with a file and no setup still gets every integrity verdict; only trust is unknown.
                    settings = settings.withTrustStore(null);
                    spec.commandLine().getErr().println("Chưa có điểm tin cậy: độ tin cậy của chứng thư sẽ là INDETERMINATE"
                            + " (NO_TRUST_ANCHOR); thêm --trust-store THƯ_MỤC chứa chứng thư CA gốc. / No trust anchor: trust"
                            + " is reported INDETERMINATE (NO_TRUST_ANCHOR); add --trust-store DIR with the root CA certificates.");
                }
                if (!crls.isEmpty()) {
                    settings = settings.withOfflineCrls(crls);
                }
                verifier = DocumentVerifier.create(settings, ValidationSettings.fromProperties(properties).limits(), spool,
                        Clock.systemUTC());
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
                return ExitCodes.UNREADABLE_OR_USAGE;
            }
            return verifyAll(verifier, out);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private int verifyAll(DocumentVerifier verifier, PrintWriter out) throws IOException {
        int notValid = 0;
        int unreadable = 0;
        for (ValidateCommand.InputFiles.Input input : ValidateCommand.InputFiles.expand(inputs, List.of(".edxml", ".xml", ".pdf"))) {
            if (input.unreadableReason() != null) {
                unreadable++;
                spec.commandLine().getErr().println("Không mở được tệp / Cannot open " + input.file() + ": "
                        + input.unreadableReason().vietnamese() + " / " + input.unreadableReason().english());
                continue;
            }
            DocumentSignatures signatures;
            try {
                signatures = verifier.verifyFile(input.file());
            } catch (IOException e) {
                unreadable++;
                spec.commandLine().getErr().println("Không đọc được tệp / Cannot read " + input.file() + ": " + e.getMessage());
                continue;
            }
            if (!signatures.signed() || signatures.verdict() != Verdict.VALID) {
                notValid++;
            }
            if (json) {
                SignatureReports.json(input.file(), signatures, out);
            } else {
                SignatureReports.text(input.file(), signatures, out);
            }
        }
        out.flush();
        if (unreadable > 0) {
            return ExitCodes.UNREADABLE_OR_USAGE;
        }
        return notValid > 0 ? ExitCodes.SOME_INVALID : ExitCodes.ALL_VALID;
    }
}
