package vn.lienthong.validation;

import java.util.Optional;
import vn.lienthong.findings.Bilingual;

/**
 * Attachment names become file names on the recipient's disk: a name must not climb out of the folder it is
 * saved in, name a drive or stream, or hide its real extension behind invisible characters.
 */
final class AttachmentNames {

    private AttachmentNames() {
    }

    static Optional<Bilingual> unsafeReason(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of(new Bilingual("chứa dấu phân cách thư mục (/ hoặc \\)",
                    "it contains a path separator (/ or \\)"));
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(new Bilingual("là tên thư mục đặc biệt", "it is a special directory name"));
        }
        if (name.indexOf(':') >= 0) {
            return Optional.of(new Bilingual("chứa dấu ':' (ổ đĩa hoặc luồng dữ liệu ẩn trên Windows)",
                    "it contains ':' (a drive or an alternate data stream on Windows)"));
        }
        return name.codePoints().filter(Display::isInvisible).boxed().findFirst().map(codePoint -> {
            String shown = String.format("U+%04X", codePoint);
            return new Bilingual("chứa ký tự điều khiển hoặc ký tự ẩn " + shown,
                    "it contains the control or invisible character " + shown);
        });
    }
}
