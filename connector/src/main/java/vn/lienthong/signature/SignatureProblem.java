package vn.lienthong.signature;

import static vn.lienthong.signature.Verdict.INDETERMINATE;
import static vn.lienthong.signature.Verdict.INVALID;
import static vn.lienthong.signature.Verdict.VALID;

import java.util.Arrays;
import vn.lienthong.findings.Bilingual;

/**
 * Every sub-reason a signature check can give, with the verdict it implies on its own and the sentence in
 * Vietnamese and English ({@link String#format} templates, arguments in the same order in both).
 * An argument that is a phrase is a {@link Bilingual}, so that each sentence gets the phrase in its own language;
 * language-neutral arguments (URIs, element paths, names of algorithms, dates, DNs, byte counts) are given as they are.
 * A problem implying VALID is a note that does not lower the verdict (e.g. a legacy algorithm accepted by policy).
 */
public enum SignatureProblem {
    // --- Where the signature is and what it covers (XML-DSig). ---
    SIGNATURE_MISSING(INDETERMINATE, "Không có chữ ký số.", "There is no signature."),
    SIGNATURE_MISPLACED(INVALID,
            "Chữ ký XML không nằm ở vị trí quy định (edXMLHeader/Signature): %s",
            "The XML signature is not where it belongs (edXMLHeader/Signature): %s"),
    SIGNATURE_DUPLICATED(INVALID, "Gói tin có nhiều hơn một chữ ký XML.", "The envelope carries more than one XML signature."),
    REFERENCE_NOT_WHOLE_DOCUMENT(INVALID,
            "Chữ ký không phủ toàn bộ gói tin (Reference URI phải là \"\" với phép biến đổi enveloped): %s",
            "The signature does not cover the whole envelope (Reference URI must be \"\" with the enveloped transform): %s"),
    TRANSFORM_NOT_ALLOWED(INVALID, "Phép biến đổi không được phép: %s", "A transform that is not allowed: %s"),
    DIGEST_MISMATCH(INVALID,
            "Nội dung đã bị thay đổi sau khi ký (giá trị băm không khớp): %s",
            "The content was changed after signing (the digest does not match): %s"),
    SIGNATURE_VALUE_INVALID(INVALID,
            "Giá trị chữ ký không khớp với khóa công khai của chứng thư: %s",
            "The signature value does not verify with the certificate's public key: %s"),
    ALGORITHM_NOT_ALLOWED(INVALID, "Thuật toán không được chấp nhận: %s", "The algorithm is not accepted: %s"),
    ALGORITHM_LEGACY(VALID,
            "Thuật toán cũ %s (SHA-1), được chấp nhận theo chính sách nhưng nên thay thế.",
            "Legacy algorithm %s (SHA-1), accepted by policy but due for replacement."),
    PDF_UNREADABLE(INDETERMINATE,
            "Không phân tích được tệp PDF nên không kiểm tra được chữ ký số trong tệp.",
            "The PDF cannot be parsed, so the signatures in it cannot be checked."),
    SIGNATURE_MALFORMED(INVALID, "Chữ ký không đúng cấu trúc: %s", "The signature is malformed: %s"),

    // --- PDF signatures. ---
    BYTE_RANGE_INVALID(INVALID,
            "ByteRange của chữ ký không hợp lệ: %s",
            "The signature's ByteRange is not valid: %s"),
    MODIFIED_AFTER_SIGNING(INVALID,
            "Tệp PDF đã bị sửa sau khi ký (%s byte thêm vào sau chữ ký): %s",
            "The PDF was modified after signing (%s bytes appended after the signature): %s"),
    TRAILING_BYTES(INDETERMINATE,
            "Tệp PDF có thêm dữ liệu sau chữ ký mà không phải một bản sửa đổi (%s); chữ ký không bao trùm phần đó.",
            "The PDF has bytes after the signature that are no revision (%s); the signature does not cover them."),
    CMS_INVALID(INVALID, "Cấu trúc chữ ký CMS không hợp lệ: %s", "The CMS signature is not valid: %s"),

    // --- Certificates. ---
    CERTIFICATE_MISSING(INDETERMINATE,
            "Không tìm thấy chứng thư của người ký: %s",
            "The signer's certificate cannot be found: %s"),
    NO_TRUST_ANCHOR(INDETERMINATE,
            "Chưa cài đặt điểm tin cậy (CA gốc) nào nên không xác lập được độ tin cậy của chứng thư %s.",
            "No trust anchor (root CA) is installed, so trust in the certificate %s cannot be established."),
    CHAIN_UNTRUSTED(INDETERMINATE,
            "Không dựng được chuỗi chứng thư tới một CA gốc tin cậy: %s",
            "No certificate path to a trusted root CA: %s"),
    CERTIFICATE_SELF_SIGNED(INDETERMINATE,
            "Chứng thư tự ký, không do CA tin cậy cấp: %s",
            "The certificate is self-signed, not issued by a trusted CA: %s"),
    CERTIFICATE_EXPIRED(INVALID,
            "Chứng thư đã hết hạn vào thời điểm ký (hết hạn %s, ký lúc %s).",
            "The certificate had expired at signing time (expired %s, signed %s)."),
    CERTIFICATE_NOT_YET_VALID(INVALID,
            "Chứng thư chưa có hiệu lực vào thời điểm ký (hiệu lực từ %s, ký lúc %s).",
            "The certificate was not yet valid at signing time (valid from %s, signed %s)."),
    CERTIFICATE_REVOKED(INVALID,
            "Chứng thư đã bị thu hồi (%s, lý do: %s).",
            "The certificate was revoked (%s, reason: %s)."),
    REVOCATION_UNKNOWN(INDETERMINATE,
            "Không kiểm tra được tình trạng thu hồi của chứng thư: %s",
            "The revocation status of the certificate could not be checked: %s"),
    KEY_USAGE_NOT_ALLOWED(INVALID,
            "Chứng thư không được phép dùng để ký văn bản (KeyUsage): %s",
            "The certificate may not be used to sign documents (key usage): %s"),

    // --- Time stamps. ---
    TIMESTAMP_INVALID(INDETERMINATE,
            "Dấu thời gian (RFC 3161) không hợp lệ; dùng thời điểm hiện tại thay cho thời điểm ký: %s",
            "The RFC 3161 time stamp is not valid; the current time is used instead of the signing time: %s");

    private final Verdict implies;
    private final String vietnamese;
    private final String english;

    SignatureProblem(Verdict implies, String vietnamese, String english) {
        this.implies = implies;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public Verdict implies() {
        return implies;
    }

    /**
     * The reason for this problem with its arguments, in both languages. A {@link Bilingual} argument goes into each
     * sentence in that sentence's language: one argument list for both templates would put English phrases into the
     * Vietnamese sentence.
     */
    public Reason reason(Object... arguments) {
        return new Reason(this, String.format(vietnamese, inVietnamese(arguments)), String.format(english, inEnglish(arguments)));
    }

    private static Object[] inVietnamese(Object[] arguments) {
        return Arrays.stream(arguments).map(argument -> argument instanceof Bilingual phrase ? phrase.vietnamese() : argument)
                .toArray();
    }

    private static Object[] inEnglish(Object[] arguments) {
        return Arrays.stream(arguments).map(argument -> argument instanceof Bilingual phrase ? phrase.english() : argument)
                .toArray();
    }
}
