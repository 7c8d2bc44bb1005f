package vn.lienthong.validation;

import java.util.Map;
import java.util.Optional;
import vn.lienthong.findings.Bilingual;

/** The kinds of attachment the axis carries, as declared by a content type or as recognised from the bytes. */
enum ContentKind {
    PDF("PDF"),
    ZIP("ZIP"),
    DOCX("DOCX (Word 2007+)", "DOCX (Word 2007+)"),
    DOC("DOC (Word 97-2003)", "DOC (Word 97-2003)"),
    TEXT("văn bản thuần", "plain text"),
    OTHER_BINARY("dữ liệu nhị phân không xác định", "unrecognised binary data");

    private static final Map<String, ContentKind> DECLARED = Map.of(
            "application/pdf", PDF,
            "application/zip", ZIP,
            "application/x-zip-compressed", ZIP,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX,
            "application/msword", DOC,
            "text/plain", TEXT);

    private final Bilingual label;

    ContentKind(String both) {
        this(both, both);
    }

    ContentKind(String vietnamese, String english) {
        this.label = new Bilingual(vietnamese, english);
    }

    Bilingual label() {
        return label;
    }

    /** The kind a media type (parameters ignored, case-insensitive) declares, if it is one we know. */
    static Optional<ContentKind> declaredBy(String contentType) {
        return Optional.ofNullable(DECLARED.get(ManifestRule.mediaType(contentType)));
    }

    /** Whether bytes of kind {@code actual} honour a declaration of this kind (a DOCX is also a ZIP archive). */
    boolean acceptsBytesOf(ContentKind actual) {
        return this == actual || (this == ZIP && actual == DOCX);
    }
}
