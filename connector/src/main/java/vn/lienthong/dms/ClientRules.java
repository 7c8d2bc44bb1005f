package vn.lienthong.dms;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a client in the clients file must be for the connector to serve it. One set of rules for a file written
 * by {@code clients add} and one written by hand: the first is checked before it is written, the second when the
 * connector starts. Each refusal is a {@link ClientFileProblem} naming the file and the client.
 */
final class ClientRules {

    /** Ids name queues (lienthong.delivery.ID, lienthong.dms.ID.*) and routes, and appear in logs: one plain word. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern ORGAN_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** The system's own folders: neither they nor anything in them may be a client's folder. */
    private static final List<Path> SYSTEM = paths("/etc", "/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64",
            "/libx32", "/boot", "/dev", "/proc", "/sys", "/run", "/root", "/var/run", "/var/lock");
    /** Folders everyone shares: a client's folder may be inside one, but not be one. */
    private static final List<Path> SHARED = paths("/tmp", "/var/tmp", "/var", "/home", "/srv", "/opt", "/mnt",
            "/media");

    private final Path file;

    ClientRules(Path file) {
        this.file = file;
    }

    ClientFileProblem problem(String code, String vietnamese, String english) {
        return new ClientFileProblem(code, file + ": " + vietnamese, file + ": " + english);
    }

    void checkId(String id) {
        if (id == null) {
            throw problem("CLIENT_ID_MISSING", "máy khách nào cũng cần có \"id\".", "every client needs an id");
        }
        if (!ID.matcher(id).matches()) {
            throw problem("CLIENT_ID_INVALID", "mã máy khách " + shown(id) + " không dùng được: mã chỉ gồm chữ cái "
                            + "không dấu, chữ số, '-' và '_', bắt đầu bằng chữ cái hoặc chữ số, dài tối đa 64 ký tự (mã là "
                            + "một phần của tên hàng đợi và được ghi vào nhật ký).",
                    "the client id " + shown(id) + " cannot be used: an id holds only ASCII letters, digits, '-' and "
                            + "'_', starts with a letter or a digit and has at most 64 characters (it is part of queue "
                            + "names and is written to logs)");
        }
    }

    void checkOrganId(String id, String organId) {
        if (!ORGAN_ID.matcher(organId).matches()) {
            throw problem("ORGAN_ID_INVALID", "máy khách " + id + " có mã cơ quan " + shown(organId)
                            + " chứa khoảng trắng, ký tự điều khiển hoặc ký tự ngoài bảng mã ASCII.",
                    "client " + id + " has the agency id " + shown(organId)
                            + ", which holds spaces, control characters or characters outside ASCII");
        }
    }

    void checkName(String id, String name) {
        if (name != null && CONTROL.matcher(name).find()) {
            throw problem("CLIENT_NAME_INVALID", "tên của máy khách " + id + " chứa ký tự điều khiển (như dấu xuống dòng).",
                    "the name of client " + id + " holds control characters (such as a line break)");
        }
    }

    /** The webhook URL, if it is one a document may be posted to. */
    URI webhook(String id, String url, String secretFile) {
        if (url == null || secretFile == null) {
            throw problem("WEBHOOK_INCOMPLETE", "máy khách " + id + " nhận qua webhook nên cần cả \"url\" lẫn "
                            + "\"secretFile\" (tệp khóa bí mật dùng để ký mỗi lần gửi).",
                    "webhook client " + id + " needs both a url and a secretFile (the secret each POST is signed with)");
        }
        Path secret = Path.of(secretFile);
        if (Files.exists(secret) && !Files.isRegularFile(secret)) {
            throw problem("WEBHOOK_SECRET_UNREADABLE", "tệp khóa bí mật " + shown(secretFile) + " của máy khách " + id
                            + " không phải một tệp thường (mà là thư mục hay thiết bị).",
                    "the secret file " + shown(secretFile) + " of client " + id
                            + " is not a regular file (but a folder or a device)");
        }
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw badWebhook(id, url, "đây không phải một địa chỉ URL", "it is not a URL");
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw badWebhook(id, url, "chỉ chấp nhận https:// (hoặc http:// tới chính máy này)",
                    "only https:// (or http:// to this machine) is accepted");
        }
        if (target.getHost() == null) {
            throw badWebhook(id, url, "thiếu tên máy chủ", "it has no host name");
        }
        if (target.getRawUserInfo() != null) {
            throw badWebhook(id, url, "địa chỉ chứa tên đăng nhập hoặc mật khẩu, mà tệp máy khách và nhật ký sẽ để lộ",
                    "it holds a user name or password, which the clients file and the logs would show");
        }
        Optional<String> forbidden = WebhookTarget.forbiddenAddress(target);
        if (forbidden.isPresent()) {
            throw problem("WEBHOOK_TARGET_NOT_ALLOWED", "webhook của máy khách " + id + " trỏ tới " + forbidden.get()
                            + ", là địa chỉ cục bộ liên kết (169.254.0.0/16 hay fe80::/10, nơi máy chủ đám mây cấp khóa "
                            + "truy cập), địa chỉ đa hướng hoặc địa chỉ không xác định, chứ không phải máy của hệ thống "
                            + "quản lý văn bản.",
                    "the webhook of client " + id + " points to " + forbidden.get() + ", a link-local (169.254.0.0/16 "
                            + "or fe80::/10, where cloud machines hand out credentials), multicast or unspecified address, "
                            + "not a document-management system");
        }
        if (scheme.equals("http") && !WebhookTarget.isLoopback(target)) {
            throw problem("WEBHOOK_NOT_HTTPS", "webhook " + url + " của máy khách " + id + " dùng http:// tới một máy "
                            + "khác: văn bản sẽ đi qua mạng không được mã hóa. Hãy dùng https://; http:// chỉ được dùng tới "
                            + "chính máy này (127.0.0.1, ::1, localhost).",
                    "the webhook " + url + " of client " + id + " is plain http:// to another machine: documents would "
                            + "cross the network unencrypted. Use https://; http:// is allowed only to this machine "
                            + "(127.0.0.1, ::1, localhost)");
        }
        return target;
    }

    private ClientFileProblem badWebhook(String id, String url, String vietnamese, String english) {
        return problem("WEBHOOK_URL_INVALID", "webhook " + shown(url) + " của máy khách " + id + " không dùng được: "
                + vietnamese + ".", "the webhook " + shown(url) + " of client " + id + " cannot be used: " + english);
    }

    /**
     * The client's folder, if the connector may create in/, out/, … there and write documents into it: an absolute
     * path of its own, judged both as written and where its links lead.
     */
    Path folder(String id, String folder) {
        if (folder == null) {
            throw problem("FOLDER_MISSING", "máy khách " + id + " nhận qua thư mục nên cần \"folder\".",
                    "folder client " + id + " needs a folder");
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            throw badFolder(id, folder, "không phải một đường dẫn", "is not a path");
        }
        if (!path.isAbsolute()) {
            throw badFolder(id, folder, "không phải đường dẫn tuyệt đối", "is not an absolute path");
        }
        Path normalized = path.normalize();
        for (Path candidate : List.of(normalized, whereItLeads(normalized))) {
            if (candidate.getNameCount() == 0 || SYSTEM.stream().anyMatch(candidate::startsWith)) {
                throw badFolder(id, folder, "là thư mục gốc hoặc thư mục của hệ thống, hay nằm trong thư mục đó",
                        "is the root, a system folder, or inside one");
            }
            if (SHARED.contains(candidate)) {
                throw badFolder(id, folder, "là thư mục dùng chung của mọi người dùng",
                        "is a folder every user shares");
            }
        }
        return normalized;
    }

    private ClientFileProblem badFolder(String id, String folder, String vietnamese, String english) {
        return problem("FOLDER_NOT_ALLOWED", "thư mục " + shown(folder) + " của máy khách " + id + " " + vietnamese
                        + ". Bộ kết nối tạo các thư mục in/, out/… trong đó và ghi văn bản vào; hãy dùng một thư mục "
                        + "riêng, ví dụ /srv/dms/" + id + ".",
                "the folder " + shown(folder) + " of client " + id + " " + english + ". The connector creates in/, "
                        + "out/, … there and writes documents into it; use a folder of its own, such as /srv/dms/" + id);
    }

    /** Two folder clients whose folders are the same or one inside the other would each see the other's documents. */
    void checkApart(String id, Path folder, String otherId, Path otherFolder) {
        Path mine = whereItLeads(folder);
        Path theirs = whereItLeads(otherFolder);
        if (mine.startsWith(theirs) || theirs.startsWith(mine)) {
            throw problem("FOLDERS_OVERLAP", "thư mục của máy khách " + otherId + " (" + otherFolder + ") và của máy "
                            + "khách " + id + " (" + folder + ") trùng nhau hoặc nằm trong nhau; máy khách nào cũng chỉ "
                            + "được thấy văn bản của mình.",
                    "the folders of clients " + otherId + " (" + otherFolder + ") and " + id + " (" + folder
                            + ") are the same or one is inside the other; each client may see only its own documents");
        }
    }

    /** The path with the links of its existing part followed: /srv/dms-link/hanoi → /etc/hanoi. */
    private static Path whereItLeads(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException unreadable) {
            return path;
        }
    }

    /** A value from the file as it may be shown on one line: quoted, with control characters escaped. */
    static String shown(String value) {
        StringBuilder shown = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '"' -> shown.append("\\\"");
                default -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return shown.append('"').toString();
    }

    private static List<Path> paths(String... paths) {
        return Arrays.stream(paths).map(Path::of).toList();
    }
}
