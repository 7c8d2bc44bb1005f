package vn.lienthong.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.lienthong.findings.Bilingual;

/**
 * Attachment names become file names on the recipient's disk: a name must not climb out of the folder it is
 * saved in, name a drive, a stream or a device, be changed by Windows on saving, or hide its real extension behind
 * invisible characters or characters that only look like a slash.
 */
final class AttachmentNames {

    /** Windows opens these devices whatever the extension: {@code NUL.pdf} is the null device, not a file. */
    private static final Pattern DEVICE = Pattern.compile("(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])",
            Pattern.CASE_INSENSITIVE);
    /** Characters drawn like / or \ that some tools fold into the real separator. */
    private static final String SLASH_LOOK_ALIKES = "\u2044\u2215\u2216\u29F8\u29F9\uFE68\uFF0F\uFF3C";

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
        Optional<Bilingual> invisible = name.codePoints().filter(Display::isInvisible).boxed().findFirst().map(codePoint -> {
            String shown = String.format("U+%04X", codePoint);
            return new Bilingual("chứa ký tự điều khiển hoặc ký tự ẩn " + shown,
                    "it contains the control or invisible character " + shown);
        });
        if (invisible.isPresent()) {
            return invisible;
        }
        Optional<Bilingual> lookAlike = name.codePoints().filter(codePoint -> SLASH_LOOK_ALIKES.indexOf(codePoint) >= 0)
                .boxed().findFirst().map(codePoint -> {
                    String shown = String.format("U+%04X", codePoint);
                    return new Bilingual("chứa ký tự " + shown + " trông giống dấu phân cách thư mục",
                            "it contains " + shown + ", which looks like a path separator");
                });
        if (lookAlike.isPresent()) {
            return lookAlike;
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of(new Bilingual("kết thúc bằng dấu chấm hoặc khoảng trắng, mà Windows tự bỏ đi khi lưu",
                    "it ends with a dot or a space, which Windows drops when saving"));
        }
        String base = name.split("\\.", 2)[0].stripTrailing().toUpperCase(Locale.ROOT);
        if (DEVICE.matcher(base).matches()) {
            return Optional.of(new Bilingual("là tên thiết bị của Windows (" + base + ")",
                    "it is a Windows device name (" + base + ")"));
        }
        return Optional.empty();
    }
}
