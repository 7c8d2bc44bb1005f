package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** For every generated envelope, writing it and reading it back gives an equal envelope. */
class EnvelopeRoundTripProperties {

    private static Path workDirectory;

    @BeforeContainer
    static void createWorkDirectory() throws IOException {
        workDirectory = Files.createTempDirectory("lienthong-roundtrip-");
    }

    @AfterContainer
    static void deleteWorkDirectory() throws IOException {
        try (var files = Files.walk(workDirectory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 300)
    void writing_then_reading_gives_an_equal_envelope(@ForAll("envelopes") Envelope envelope) throws IOException {
        Path file = Files.createTempFile(workDirectory, "envelope-", ".edxml");
        new EnvelopeWriter().write(envelope, file);
        try (ReadOutcome outcome = new EnvelopeReader(ReadLimits.DEFAULTS, workDirectory).read(file)) {
            assertThat(outcome.failure()).isEmpty();
            assertThat(outcome.envelope()).contains(envelope);
        }
    }

    @Provide
    Arbitrary<Envelope> envelopes() {
        Arbitrary<MessageHeader> header = Arbitraries.oneOf(
                EnvelopeArbitraries.edocHeader().map(MessageHeader.class::cast),
                EnvelopeArbitraries.statusHeader().map(MessageHeader.class::cast));
        return Combinators.combine(header, EnvelopeArbitraries.traceHeaderList().injectNull(0.2),
                        EnvelopeArbitraries.manifest().injectNull(0.3),
                        EnvelopeArbitraries.attachmentSpec().list().ofMaxSize(3))
                .as((messageHeader, traces, manifest, specs) ->
                        new Envelope(messageHeader, traces, false, manifest, attachments(specs)));
    }

    private static List<Attachment> attachments(List<EnvelopeArbitraries.AttachmentSpec> specs) {
        List<Attachment> attachments = new ArrayList<>();
        for (EnvelopeArbitraries.AttachmentSpec spec : specs) {
            try {
                Path bytes = Files.write(Files.createTempFile(workDirectory, "content-", ".bin"), spec.bytes());
                attachments.add(new Attachment(spec.contentId(), spec.name(), spec.contentType(), spec.description(),
                        AttachmentContent.ofFile(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return attachments;
    }
}
