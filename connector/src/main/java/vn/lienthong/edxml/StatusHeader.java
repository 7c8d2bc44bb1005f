package vn.lienthong.edxml;

import java.util.Optional;

/** The header of a status notice: who reports which state of which document, when. */
public record StatusHeader(
        Organization from,
        ResponseFor responseFor,
        StaffInfo staffInfo,
        String statusCode,
        String description,
        String timestamp) implements MessageHeader {

    @Override
    public MessageType messageType() {
        return MessageType.STATUS;
    }

    public Optional<StatusCode> knownStatusCode() {
        return statusCode == null ? Optional.empty() : StatusCode.fromCode(statusCode.trim());
    }
}
