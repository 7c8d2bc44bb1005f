package vn.lienthong.axis;

/** The part every answer shares: {@code status} ({@code OK} or {@code FAIL}), {@code ErrorCode}, {@code ErrorDesc}. */
record AxisAnswer(String status, String errorCode, String errorDesc) {

    /** An ErrorDesc is the server's free text; a message needs its gist, not a page of it. */
    private static final int LONGEST_DESCRIPTION = 200;

    boolean isOk() {
        return "OK".equalsIgnoreCase(status);
    }

    /** {@code ErrorCode 400 (unknown recipient)}, or empty when the answer says nothing about an error. */
    String describeError() {
        StringBuilder text = new StringBuilder();
        if (errorCode != null && !errorCode.isBlank()) {
            text.append("ErrorCode ").append(errorCode);
        }
        if (errorDesc != null && !errorDesc.isBlank()) {
            String description = errorDesc.strip();
            if (description.length() > LONGEST_DESCRIPTION) {
                description = description.substring(0, LONGEST_DESCRIPTION) + "…";
            }
            text.append(text.length() == 0 ? "" : " ").append('(').append(description).append(')');
        }
        return text.toString();
    }
}
