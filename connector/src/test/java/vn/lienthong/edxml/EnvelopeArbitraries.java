package vn.lienthong.edxml;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Generated envelopes of every business type and status code, with awkward but legal text: Vietnamese
 * diacritics, XML metacharacters, {@code ]]>}, carriage returns, leading and trailing spaces, empty values and
 * absent elements. Attachment bytes are generated separately (they need files).
 */
final class EnvelopeArbitraries {

    private static final String AWKWARD = "ăâđêôơưĐẠạẢảẤấỳỹ<>&\"' ]\r\n\t/;:=-";

    private EnvelopeArbitraries() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars(AWKWARD)
                .ofMaxLength(24);
    }

    /** A text that may be absent (null): absent and empty are different things in the model. */
    static Arbitrary<String> optionalText() {
        return text().injectNull(0.25);
    }

    static Arbitrary<Organization> organization() {
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText(), optionalText(),
                        optionalText(), optionalText(), optionalText())
                .as(Organization::new);
    }

    static Arbitrary<ResponseFor> responseFor() {
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText()).as(ResponseFor::new);
    }

    static Arbitrary<StaffInfo> staffInfo() {
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText()).as(StaffInfo::new);
    }

    static Arbitrary<OtherInfo> otherInfo() {
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText(), optionalText(),
                        text().list().ofMaxSize(3), optionalText())
                .as(OtherInfo::new);
    }

    static Arbitrary<EdocHeader> edocHeader() {
        return Builders.withBuilder(EdocHeaderDraft::new)
                .use(organization().injectNull(0.1)).inSetter((draft, value) -> draft.from = value)
                .use(organization().list().ofMaxSize(3)).inSetter((draft, value) -> draft.to = value)
                .use(optionalText()).inSetter((draft, value) -> draft.documentId = value)
                .use(Combinators.combine(optionalText(), optionalText()).as(DocumentCode::new).injectNull(0.2))
                .inSetter((draft, value) -> draft.code = value)
                .use(Combinators.combine(optionalText(), optionalText()).as(PromulgationInfo::new).injectNull(0.2))
                .inSetter((draft, value) -> draft.promulgationInfo = value)
                .use(Combinators.combine(optionalText(), optionalText(), optionalText()).as(DocumentType::new).injectNull(0.2))
                .inSetter((draft, value) -> draft.documentType = value)
                .use(optionalText()).inSetter((draft, value) -> draft.subject = value)
                .use(optionalText()).inSetter((draft, value) -> draft.content = value)
                .use(Combinators.combine(optionalText(), optionalText(), optionalText()).as(SignerInfo::new).injectNull(0.2))
                .inSetter((draft, value) -> draft.signerInfo = value)
                .use(optionalText()).inSetter((draft, value) -> draft.dueDate = value)
                .use(text().list().ofMaxSize(3)).inSetter((draft, value) -> draft.toPlaces = value)
                .use(otherInfo().injectNull(0.3)).inSetter((draft, value) -> draft.otherInfo = value)
                .use(responseFor().injectNull(0.5)).inSetter((draft, value) -> draft.responseFor = value)
                .use(optionalText()).inSetter((draft, value) -> draft.steeringType = value)
                .build(EdocHeaderDraft::toHeader);
    }

    /** Mutable stand-in while jqwik assembles the fourteen components of an edoc header. */
    private static final class EdocHeaderDraft {
        Organization from;
        List<Organization> to = List.of();
        String documentId;
        DocumentCode code;
        PromulgationInfo promulgationInfo;
        DocumentType documentType;
        String subject;
        String content;
        SignerInfo signerInfo;
        String dueDate;
        List<String> toPlaces = List.of();
        OtherInfo otherInfo;
        ResponseFor responseFor;
        String steeringType;

        EdocHeader toHeader() {
            return new EdocHeader(from, to, documentId, code, promulgationInfo, documentType, subject, content,
                    signerInfo, dueDate, toPlaces, otherInfo, responseFor, steeringType);
        }
    }

    static Arbitrary<StatusHeader> statusHeader() {
        Arbitrary<String> code = Arbitraries.of(StatusCode.values()).map(StatusCode::code);
        return Combinators.combine(organization().injectNull(0.1), responseFor().injectNull(0.2),
                        staffInfo().injectNull(0.3), code, optionalText(), optionalText())
                .as(StatusHeader::new);
    }

    static Arbitrary<Business> business() {
        Arbitrary<String> type = Arbitraries.of(BusinessDocType.values()).map(BusinessDocType::code);
        Arbitrary<BusinessDocumentInfo> info = Combinators.combine(optionalText(), optionalText(),
                        Combinators.combine(optionalText(), optionalText()).as(Receiver::new).list().ofMaxSize(3))
                .as(BusinessDocumentInfo::new).injectNull(0.4);
        Arbitrary<List<ReplacementInfo>> replacements = Combinators.combine(optionalText(), text().list().ofMaxSize(3))
                .as(ReplacementInfo::new).list().ofMaxSize(3);
        return Combinators.combine(type, optionalText(), optionalText(), staffInfo().injectNull(0.5), optionalText(),
                        info, replacements)
                .as(Business::new);
    }

    static Arbitrary<TraceHeaderList> traceHeaderList() {
        Arbitrary<List<TraceHeader>> traces = Combinators.combine(optionalText(), optionalText())
                .as(TraceHeader::new).list().ofMaxSize(3);
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(Arbitraries.of("id", "version", "mustUnderstand", "actor"),
                text()).ofMaxSize(4);
        return Combinators.combine(traces, business().injectNull(0.3), attributes).as(TraceHeaderList::new);
    }

    static Arbitrary<ManifestReference> reference() {
        Arbitrary<Map<String, String>> xlink = Arbitraries.maps(Arbitraries.of("href", "role", "type"), text()).ofMaxSize(3);
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText(), xlink)
                .as(ManifestReference::new);
    }

    static Arbitrary<Manifest> manifest() {
        return Combinators.combine(optionalText(), reference().list().ofMaxSize(3)).as(Manifest::new);
    }

    /** Attachment metadata; the test supplies the content. */
    record AttachmentSpec(String contentId, String name, String contentType, String description, byte[] bytes) {
    }

    static Arbitrary<AttachmentSpec> attachmentSpec() {
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText(),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000))
                .as(AttachmentSpec::new);
    }
}
