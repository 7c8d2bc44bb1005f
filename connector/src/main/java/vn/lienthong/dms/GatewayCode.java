package vn.lienthong.dms;

/** The errors of the DMS interfaces themselves (the envelope's own faults are validation and signature codes). */
public enum GatewayCode {
    UNAUTHENTICATED(
            "Không xác thực được máy khách: thiếu hoặc sai khóa API / chứng thư TLS.",
            "The client could not be authenticated: the API key or TLS client certificate is missing or wrong."),
    NOT_BOUND_TO_AGENCY(
            "Máy khách %s không được hành động thay cho cơ quan %s.",
            "Client %s may not act for agency %s."),
    DOCUMENT_NOT_FOUND(
            "Không có văn bản nào mang khóa %s.",
            "There is no document with the key %s."),
    NOT_YOUR_DOCUMENT(
            "Văn bản %s không thuộc các cơ quan mà máy khách %s được gắn: không gửi từ đó và không gửi tới đó.",
            "Document %s belongs to none of the agencies client %s is bound to: it was neither sent by nor sent to them."),
    NOT_A_RECEIVED_DOCUMENT(
            "Chỉ báo trạng thái được cho văn bản đã nhận; văn bản %s là văn bản gửi đi hoặc là một thông báo trạng thái.",
            "Status can only be reported for a received document; %s is an outgoing document or a status notice."),
    STATUS_CODE_UNKNOWN(
            "Mã trạng thái \"%s\" không có trong danh mục (01, 02, 03, 04, 05, 06, 13, 15, 16).",
            "Status code \"%s\" is not in the list (01, 02, 03, 04, 05, 06, 13, 15, 16)."),
    INVALID_REQUEST(
            "Yêu cầu không hợp lệ: %s",
            "The request is not valid: %s"),
    QUARANTINED(
            "Văn bản được giữ lại để người có thẩm quyền xem xét do kết quả kiểm tra chữ ký; chưa được gửi đi.",
            "The document is held for a person to review because of its signatures; it has not been sent."),
    NOT_IN_INBOX(
            "Văn bản %s không chờ trong hộp nhận của máy khách %s.",
            "Document %s is not waiting in the inbox of client %s."),
    CONTROL_CHARACTER(
            "Trường %s chứa ký tự điều khiển %s, ký tự mà gói tin edXML không chứa được hoặc mã định danh không được có; hãy bỏ ký tự đó rồi gửi lại.",
            "The field %s contains the control character %s, which an edXML envelope cannot carry or an identifier may not hold; remove it and send again."),
    ERRORS_OMITTED(
            "Còn %s lỗi khác không được liệt kê trong câu trả lời này (đã liệt kê %s lỗi đầu tiên); hãy kiểm tra tệp bằng lệnh validate để xem tất cả.",
            "%s more errors are not listed in this answer (the first %s are); check the file with the validate command to see them all.");

    private final String vietnamese;
    private final String english;

    GatewayCode(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese(Object... arguments) {
        return String.format(vietnamese, arguments);
    }

    public String english(Object... arguments) {
        return String.format(english, arguments);
    }
}
