package vn.lienthong.findings;

import static vn.lienthong.findings.Severity.ERROR;
import static vn.lienthong.findings.Severity.WARNING;

/**
 * Every finding the reader, the validator and the DMS gateway can produce: a stable English code, its default
 * severity in each direction (policy may change both), and the sentence an agency's IT staff reads, in
 * Vietnamese and in English. The templates take {@link String#format} arguments; the argument order is the same
 * in both languages.
 *
 * <p>The two severities follow the old rule for protocols: strict in what we send, liberal in what we accept. The
 * first is for what we send (outbound), the second for what the axis brought us (inbound). Inbound, an error is
 * kept for what cannot be read (not well-formed, over a limit, an attachment that cannot be decoded or whose name is unsafe to save), cannot
 * be understood (no header) or was not meant for us; everything else is delivered with its finding as a warning.
 */
public enum FindingCode {
    // --- More problems of one code than a report lists (lienthong.validation.max-findings-per-code); reported with
    //     the severity of the code it counts. ---
    FINDINGS_OMITTED(WARNING, WARNING,
            "Còn %s phát hiện %s khác không được liệt kê (chỉ liệt kê %s phát hiện đầu tiên của mỗi mã).",
            "%s more %s findings are not listed (only the first %s of each code are)."),

    // --- The file cannot be opened at all (missing, a directory, no permission). ---
    FILE_UNREADABLE(ERROR, ERROR,
            "Không mở được tệp: %s",
            "The file cannot be opened: %s"),
    // --- What a DMS put into a folder is not a file: it is refused unread, whatever the policy says. ---
    FILE_NOT_REGULAR(ERROR, ERROR,
            "\"%s\" trong thư mục là %s, không phải một tệp thông thường: bộ kết nối không đọc và không gửi nó. Hãy đặt chính tệp văn bản vào thư mục.",
            "\"%s\" in the folder is %s, not a regular file: the connector neither reads nor sends it. Put the document file itself in the folder."),

    // --- Who may send what: a DMS client acts only for the agencies it is bound to. ---
    SENDER_NOT_BOUND(ERROR, ERROR,
            "Máy khách %s không được gửi văn bản thay cho cơ quan %s: máy khách này không được gắn với cơ quan đó.",
            "Client %s may not send as agency %s: this client is not bound to that agency."),

    TRACE_NOT_BOUND(ERROR, ERROR,
            "Máy khách %s không được ghi cơ quan %s vào vết chuyển văn bản (TraceHeader): máy khách này không được gắn với cơ quan đó.",
            "Client %s may not name agency %s in the document's trace (TraceHeader): this client is not bound to that agency."),

    STATUS_NOT_FOR_RECEIVED_DOCUMENT(ERROR, ERROR,
            "Máy khách %s chỉ được báo trạng thái cho văn bản mà cơ quan của mình đã nhận; văn bản \"%s\" không phải văn bản như vậy.",
            "Client %s may only report status on documents its agencies received; \"%s\" is not one of them."),

    // --- The file is not well-formed XML, or not edXML at all: reading stops here. ---
    XML_EMPTY_FILE(ERROR, ERROR,
            "Tệp rỗng, không có nội dung XML.",
            "The file is empty; there is no XML in it."),
    XML_TRUNCATED(ERROR, ERROR,
            "Tệp kết thúc giữa chừng: XML bị cắt cụt, thiếu phần cuối (tệp bị gửi thiếu hoặc ghi dở).",
            "The file ends before the XML is complete: it is truncated (sent or written only in part)."),
    XML_CONTENT_BEFORE_DECLARATION(ERROR, ERROR,
            "Có ký tự nằm trước khai báo <?xml ...?>; khai báo XML phải đứng đầu tệp.",
            "There are characters before the <?xml ...?> declaration; the declaration must be at the very start of the file."),
    XML_UNDECLARED_PREFIX(ERROR, ERROR,
            "Tiền tố không gian tên \"%s\" được dùng nhưng chưa được khai báo (thiếu xmlns:%s=\"...\").",
            "The namespace prefix \"%s\" is used but never declared (xmlns:%s=\"...\" is missing)."),
    XML_DOCTYPE_FORBIDDEN(ERROR, ERROR,
            "Tệp chứa khai báo DOCTYPE/DTD; gói tin edXML không được phép dùng DTD hay thực thể (chống tấn công XXE và bom thực thể).",
            "The file contains a DOCTYPE/DTD; edXML envelopes may not use DTDs or entities (protection against XXE and entity-expansion attacks)."),
    XML_ENCODING_INVALID(ERROR, ERROR,
            "Tệp chứa byte không hợp lệ theo bảng mã khai báo (thường là UTF-8): %s",
            "The file contains bytes that are invalid in its declared encoding (usually UTF-8): %s"),
    XML_NOT_WELL_FORMED(ERROR, ERROR,
            "Tệp không phải là XML hợp lệ (không đúng cú pháp): %s",
            "The file is not well-formed XML: %s"),
    NOT_EDXML(ERROR, ERROR,
            "Phần tử gốc là %s; gói tin phải bắt đầu bằng edXML trong không gian tên http://www.mic.gov.vn/TBT/QCVN_102_2016.",
            "The root element is %s; an envelope must start with edXML in the namespace http://www.mic.gov.vn/TBT/QCVN_102_2016."),

    // --- Configured limits (lienthong.limits.*): protect the connector from hostile or runaway input. ---
    LIMIT_ENVELOPE_SIZE(ERROR, ERROR,
            "Gói tin vượt quá kích thước tối đa cho phép (%s byte).",
            "The envelope exceeds the maximum allowed size (%s bytes)."),
    LIMIT_ATTACHMENT_COUNT(ERROR, ERROR,
            "Gói tin có quá nhiều tệp đính kèm (tối đa %s).",
            "The envelope has too many attachments (at most %s)."),
    LIMIT_ATTACHMENT_SIZE(ERROR, ERROR,
            "Tệp đính kèm \"%s\" vượt quá kích thước tối đa cho phép (%s byte sau giải mã).",
            "Attachment \"%s\" exceeds the maximum allowed size (%s bytes once decoded)."),
    LIMIT_NESTING_DEPTH(ERROR, ERROR,
            "Các phần tử XML lồng nhau quá sâu (tối đa %s cấp).",
            "XML elements are nested too deeply (at most %s levels)."),
    LIMIT_TEXT_LENGTH(ERROR, ERROR,
            "Nội dung văn bản của một phần tử quá dài (tối đa %s ký tự).",
            "The text of an element is too long (at most %s characters)."),
    LIMIT_METADATA_SIZE(ERROR, ERROR,
            "Phần đầu và danh mục của gói tin chứa quá nhiều văn bản, tên và thuộc tính (tối đa %s ký tự, không tính tệp đính kèm).",
            "The envelope's header and manifest carry too much text, names and attributes (at most %s characters, attachments excluded)."),
    LIMIT_ELEMENT_COUNT(ERROR, ERROR,
            "Gói tin có quá nhiều phần tử XML (tối đa %s).",
            "The envelope has too many XML elements (at most %s)."),
    LIMIT_ATTRIBUTE_COUNT(ERROR, ERROR,
            "Một phần tử có quá nhiều thuộc tính (tối đa %s).",
            "An element has too many attributes (at most %s)."),
    LIMIT_NAME_LENGTH(ERROR, ERROR,
            "Một tên XML (phần tử, thuộc tính, tiền tố không gian tên hoặc thực thể) dài quá %s ký tự.",
            "An XML name (element, attribute, namespace prefix or entity) is longer than %s characters."),

    // --- Structure (schemas/edxml), checked in any order: where each element may be, how often, its values. ---
    SCHEMA_UNEXPECTED_ELEMENT(WARNING, WARNING,
            "Phần tử %s không thuộc cấu trúc edXML của %s nên được bỏ qua. Tại đây chỉ có: %s.",
            "Element %s is not part of the edXML structure of %s, so it is ignored. Expected here: %s."),
    SCHEMA_REPEATED_ELEMENT(ERROR, WARNING,
            "Phần tử %s có %s lần trong %s nhưng chỉ được có tối đa %s lần; chỉ lần đầu tiên được dùng.",
            "Element %s occurs %s times in %s but may occur at most %s time(s); only the first is used."),
    SCHEMA_MISSING_ELEMENT(ERROR, ERROR,
            "Thiếu phần tử bắt buộc %s trong %s.",
            "The required element %s is missing from %s."),
    SCHEMA_INVALID_VALUE(ERROR, WARNING,
            "Giá trị \"%s\" của %s không phải là %s.",
            "The value \"%s\" of %s is not %s."),
    SCHEMA_INVALID_ATTRIBUTE(WARNING, WARNING,
            "Thuộc tính %s không dùng được trên phần tử %s nên được bỏ qua.",
            "Attribute %s is not allowed on element %s, so it is ignored."),
    SCHEMA_UNEXPECTED_TEXT(ERROR, WARNING,
            "Phần tử %s chỉ chứa các phần tử con, không chứa văn bản, nhưng lại có văn bản \"%s\".",
            "Element %s holds only child elements, not text, but has the text \"%s\"."),

    // --- Header: who sends to whom, what the document is. ---
    FROM_MISSING(ERROR, WARNING,
            "Thiếu thông tin đơn vị gửi (From).",
            "The sending agency (From) is missing."),
    TO_MISSING(ERROR, WARNING,
            "Văn bản không có đơn vị nhận nào (To); cần ít nhất một.",
            "The document has no recipient agency (To); at least one is required."),
    RECIPIENT_NOT_OURS(ERROR, ERROR,
            "Gói tin gửi đến %s, không có đơn vị nào do bộ kết nối này phục vụ (%s): gói tin bị chuyển nhầm.",
            "The package is addressed to %s, none of them an agency this connector serves (%s): it was mis-delivered."),
    INTAKE_FAILED(ERROR, ERROR,
            "Bộ kết nối gặp lỗi nội bộ khi tiếp nhận gói tin này; gói tin được giữ lại để quản trị viên xem xét và không được thử lại tự động.",
            "The connector failed internally while taking this package; it is held for an operator and is not retried automatically."),
    RECIPIENT_DUPLICATE(WARNING, WARNING,
            "Đơn vị nhận %s được liệt kê nhiều lần.",
            "Recipient agency %s is listed more than once."),
    SUBJECT_MISSING(ERROR, WARNING,
            "Thiếu trích yếu văn bản (Subject).",
            "The document summary (Subject) is missing."),
    DOCUMENT_ID_MISSING(ERROR, WARNING,
            "Thiếu mã văn bản (DocumentId).",
            "The document identifier (DocumentId) is missing."),
    DOCUMENT_ID_NONSTANDARD(WARNING, WARNING,
            "Mã văn bản \"%s\" không theo dạng UUID hoặc {mã đơn vị gửi},{yyyy/MM/dd},{số}/{ký hiệu}.",
            "Document identifier \"%s\" is neither a UUID nor of the form {senderOrganId},{yyyy/MM/dd},{number}/{notation}."),
    DOCUMENT_ID_SENDER_MISMATCH(WARNING, WARNING,
            "Mã văn bản bắt đầu bằng mã đơn vị %s nhưng đơn vị gửi là %s.",
            "The document identifier starts with agency %s but the sender is %s."),
    ORGANID_MISSING(ERROR, WARNING,
            "Thiếu mã định danh đơn vị (OrganId).",
            "The agency identifier (OrganId) is missing."),
    ORGANID_INVALID(ERROR, WARNING,
            "Mã định danh đơn vị \"%s\" không hợp lệ: %s",
            "Agency identifier \"%s\" is invalid: %s"),
    ORGANID_LEGACY_FORM(WARNING, WARNING,
            "Mã định danh đơn vị \"%s\" theo dạng cũ (%s), không phải dạng 4 nhóm theo Quyết định 20/2020/QĐ-TTg (ví dụ 000.00.00.G22).",
            "Agency identifier \"%s\" is a legacy form (%s), not the 4-group form of Decision 20/2020/QD-TTg (e.g. 000.00.00.G22)."),
    DATE_FORMAT(ERROR, WARNING,
            "Ngày \"%s\" không đúng định dạng yyyy/MM/dd.",
            "Date \"%s\" is not in the format yyyy/MM/dd."),
    DATE_NOT_REAL(ERROR, WARNING,
            "Ngày \"%s\" không tồn tại trên lịch: %s",
            "Date \"%s\" does not exist on the calendar: %s"),
    TIMESTAMP_FORMAT(ERROR, WARNING,
            "Thời điểm \"%s\" không đúng định dạng yyyy/MM/dd HH:mm:ss.",
            "Timestamp \"%s\" is not in the format yyyy/MM/dd HH:mm:ss."),
    TIMESTAMP_NOT_REAL(ERROR, WARNING,
            "Thời điểm \"%s\" không tồn tại: %s",
            "Timestamp \"%s\" does not exist: %s"),
    IDENTIFIER_CONTROL_CHARACTER(ERROR, WARNING,
            "Mã định danh %s \"%s\" chứa ký tự điều khiển hoặc ký tự ẩn %s; mã định danh không được chứa những ký tự này.",
            "The identifier %s \"%s\" contains the control or invisible character %s; identifiers may not contain such characters."),
    IDENTIFIER_TOO_LONG(ERROR, WARNING,
            "Mã định danh %s dài %s ký tự, vượt quá %s ký tự mà bộ kết nối lưu giữ được.",
            "The identifier %s is %s characters long, more than the %s the connector can keep."),
    PRIORITY_OUT_OF_RANGE(WARNING, WARNING,
            "Độ khẩn %s nằm ngoài thang thông dụng 0..4 (thường, khẩn, thượng khẩn, hỏa tốc, hỏa tốc hẹn giờ).",
            "Priority %s is outside the usual scale 0..4 (normal, urgent, very urgent, express, timed express)."),

    // --- Status notices. ---
    STATUS_CODE_MISSING(ERROR, WARNING,
            "Thông báo trạng thái thiếu mã trạng thái (StatusCode).",
            "The status notice has no StatusCode."),
    STATUS_CODE_UNKNOWN(ERROR, WARNING,
            "Mã trạng thái \"%s\" không có trong danh mục (01, 02, 03, 04, 05, 06, 13, 15, 16).",
            "Status code \"%s\" is not in the list (01, 02, 03, 04, 05, 06, 13, 15, 16)."),
    STATUS_RESPONSE_FOR_MISSING(ERROR, WARNING,
            "Thông báo trạng thái không cho biết văn bản nào (thiếu ResponseFor/DocumentId).",
            "The status notice does not say which document it is about (ResponseFor/DocumentId is missing)."),
    STATUS_TIMESTAMP_MISSING(ERROR, WARNING,
            "Thông báo trạng thái thiếu thời điểm (Timestamp).",
            "The status notice has no Timestamp."),
    STATUS_HAS_BODY(ERROR, WARNING,
            "Thông báo trạng thái không được mang nội dung văn bản hay tệp đính kèm.",
            "A status notice may not carry a document body or attachments."),

    // --- Business type (TraceHeaderList/Bussiness). ---
    BUSINESS_DOC_TYPE_UNKNOWN(ERROR, WARNING,
            "Loại nghiệp vụ BussinessDocType \"%s\" không hợp lệ; chỉ nhận 0 (mới), 1 (thu hồi), 2 (cập nhật), 3 (thay thế).",
            "BussinessDocType \"%s\" is invalid; only 0 (new), 1 (revocation), 2 (update), 3 (replacement) are allowed."),
    BUSINESS_REVOCATION_TARGET_MISSING(ERROR, WARNING,
            "Văn bản thu hồi (BussinessDocType 1) phải cho biết văn bản bị thu hồi (Bussiness/DocumentId).",
            "A revocation (BussinessDocType 1) must identify the revoked document (Bussiness/DocumentId)."),
    BUSINESS_UPDATE_TARGET_MISSING(ERROR, WARNING,
            "Văn bản cập nhật (BussinessDocType 2) phải cho biết văn bản được cập nhật (Bussiness/DocumentId).",
            "An update (BussinessDocType 2) must identify the updated document (Bussiness/DocumentId)."),
    BUSINESS_UPDATE_INFO_MISSING(ERROR, WARNING,
            "Văn bản cập nhật (BussinessDocType 2) phải nói rõ cập nhật gì, cho ai (BussinessDocumentInfo).",
            "An update (BussinessDocType 2) must say what changed and for whom (BussinessDocumentInfo)."),
    BUSINESS_REPLACEMENT_MISSING(ERROR, WARNING,
            "Văn bản thay thế (BussinessDocType 3) phải liệt kê văn bản bị thay thế (ReplacementInfoList/ReplacementInfo).",
            "A replacement (BussinessDocType 3) must list the replaced documents (ReplacementInfoList/ReplacementInfo)."),
    BUSINESS_REPLACEMENT_INCOMPLETE(ERROR, WARNING,
            "Thông tin thay thế thứ %s thiếu %s.",
            "Replacement entry %s lacks %s."),

    // --- Manifest and attachments. ---
    EDOC_NO_ATTACHMENT(WARNING, WARNING,
            "Văn bản không có tệp đính kèm nào; văn bản liên thông thường kèm bản PDF có chữ ký số.",
            "The document has no attachment; exchanged documents normally carry a digitally signed PDF."),
    CONTENT_ID_MISSING(ERROR, WARNING,
            "Thiếu ContentId ở một %s.",
            "ContentId is missing on a %s."),
    CONTENT_ID_DUPLICATE(ERROR, WARNING,
            "ContentId \"%s\" xuất hiện nhiều lần trong %s.",
            "ContentId \"%s\" occurs more than once in %s."),
    MANIFEST_REFERENCE_UNMATCHED(ERROR, WARNING,
            "Danh mục (Manifest) nhắc đến ContentId \"%s\" nhưng không có tệp đính kèm nào mang ContentId đó.",
            "The manifest refers to ContentId \"%s\" but no attachment carries it."),
    ATTACHMENT_NOT_IN_MANIFEST(ERROR, WARNING,
            "Tệp đính kèm có ContentId \"%s\" không được khai báo trong danh mục (Manifest).",
            "The attachment with ContentId \"%s\" is not declared in the manifest."),
    MANIFEST_ATTACHMENT_MISMATCH(WARNING, WARNING,
            "Danh mục và tệp đính kèm \"%s\" khai báo %s khác nhau: \"%s\" và \"%s\".",
            "The manifest and attachment \"%s\" declare different %s: \"%s\" and \"%s\"."),
    ATTACHMENT_NAME_MISSING(ERROR, WARNING,
            "Tệp đính kèm có ContentId \"%s\" không có tên (AttachmentName).",
            "The attachment with ContentId \"%s\" has no name (AttachmentName)."),
    ATTACHMENT_NAME_DUPLICATE(ERROR, WARNING,
            "Tên tệp đính kèm \"%s\" bị trùng.",
            "Attachment name \"%s\" is used more than once."),
    ATTACHMENT_NAME_UNSAFE(ERROR, ERROR,
            "Tên tệp đính kèm \"%s\" không an toàn: %s",
            "Attachment name \"%s\" is unsafe: %s"),
    ATTACHMENT_NAME_TOO_LONG(ERROR, WARNING,
            "Tên tệp đính kèm dài %s ký tự, vượt quá %s.",
            "An attachment name is %s characters long, more than %s."),
    ATTACHMENT_BASE64_INVALID(ERROR, ERROR,
            "Nội dung mã hóa base64 của tệp đính kèm \"%s\" không hợp lệ: %s",
            "The base64 content of attachment \"%s\" is invalid: %s"),
    ATTACHMENT_EMPTY(ERROR, WARNING,
            "Tệp đính kèm \"%s\" không có nội dung.",
            "Attachment \"%s\" has no content."),
    ATTACHMENT_TYPE_UNSUPPORTED(WARNING, WARNING,
            "Kiểu nội dung \"%s\" của tệp \"%s\" không nằm trong danh sách thường dùng (PDF, ZIP, DOC, DOCX, văn bản thuần).",
            "Content type \"%s\" of \"%s\" is not one of the usual types (PDF, ZIP, DOC, DOCX, plain text)."),
    ATTACHMENT_TYPE_MISMATCH(ERROR, WARNING,
            "Tệp \"%s\" khai báo kiểu %s nhưng nội dung thực là %s.",
            "\"%s\" is declared as %s but its bytes are %s."),
    ATTACHMENT_PDF_INCOMPLETE(ERROR, WARNING,
            "Tệp PDF \"%s\" không có dấu kết thúc %%%%EOF: tệp bị cắt cụt hoặc hỏng.",
            "PDF \"%s\" has no %%%%EOF end marker: the file is truncated or damaged.");

    private final Severity outbound;
    private final Severity inbound;
    private final String vietnamese;
    private final String english;

    FindingCode(Severity outbound, Severity inbound, String vietnamese, String english) {
        this.outbound = outbound;
        this.inbound = inbound;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public Severity defaultSeverity(Direction direction) {
        return direction == Direction.OUTBOUND ? outbound : inbound;
    }

    public String vietnamese(Object... arguments) {
        return String.format(vietnamese, arguments);
    }

    public String english(Object... arguments) {
        return String.format(english, arguments);
    }
}
