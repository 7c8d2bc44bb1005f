package vn.lienthong.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UserAccount;
import vn.lienthong.ops.users.UsersFile;

/**
 * {@code users add NAME --role ROLE | remove NAME | passwd NAME}: the users of the web console and the management
 * API, in the users file (lienthong.ops.users-file). Works on the file itself, with or without a running connector,
 * which sees the change at the next sign-in. A password is read from the console, or from standard input when there
 * is none (one line), never from an argument, where it would stay in the shell's history and the process list.
 */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = {
                "Người dùng của bảng điều khiển web và API vận hành: thêm, xóa, đổi mật khẩu.",
                "Users of the web console and the operations API: add, remove, change a password.",
                "Exit / Mã thoát: 0 done, 1 refused (exists, not found, weak password), 2 usage or unreadable file."},
        subcommands = {UsersCommand.Add.class, UsersCommand.Remove.class, UsersCommand.Passwd.class,
                UsersCommand.ListUsers.class})
final class UsersCommand {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int UNUSABLE = 2;
    static final int MIN_PASSWORD = 10;

    abstract static class FileCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "The connector's configuration (its data directory, lienthong.ops.users-file).")
        Path configFile;

        @Option(names = "--file", paramLabel = "FILE",
                description = "The users file itself, instead of the one the configuration names.")
        Path usersFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                UsersFile users = usersFile != null ? new UsersFile(usersFile) : UsersFile.of(ConnectorProperties.load(configFile));
                return run(users, out, err);
            } catch (IOException e) {
                err.println("Không đọc hoặc ghi được tệp người dùng / Cannot read or write the users file: "
                        + e.getMessage());
                return UNUSABLE;
            } finally {
                out.flush();
                err.flush();
            }
        }

        abstract int run(UsersFile users, PrintWriter out, PrintWriter err) throws IOException;

        static boolean validName(String name, PrintWriter err) {
            if (UserAccount.validName(name)) {
                return true;
            }
            err.println("USER_NAME_INVALID: Tên người dùng chỉ gồm chữ thường không dấu, chữ số và . _ @ -, tối đa 64 ký tự.");
            err.println("  A user name has only lower-case ASCII letters, digits and . _ @ -, at most 64 characters.");
            return false;
        }

        static void noSuchUser(String name, PrintWriter err) {
            err.println("USER_NOT_FOUND: Không có người dùng '" + name + "'.");
            err.println("  There is no user '" + name + "'.");
        }

        /** Asks for a new password twice on a console; reads one line from standard input without one. */
        char[] newPassword(PrintWriter out, PrintWriter err) throws IOException {
            Console console = System.console();
            char[] password;
            if (console != null) {
                password = console.readPassword("Mật khẩu mới / New password: ");
                char[] again = console.readPassword("Nhập lại / Again: ");
                if (password == null || again == null || !Arrays.equals(password, again)) {
                    err.println("PASSWORD_MISMATCH: Hai lần nhập mật khẩu không khớp.");
                    err.println("  The two passwords differ.");
                    return null;
                }
                Arrays.fill(again, ' ');
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password == null || password.length < MIN_PASSWORD) {
                err.println("PASSWORD_TOO_SHORT: Mật khẩu cần ít nhất " + MIN_PASSWORD + " ký tự.");
                err.println("  A password needs at least " + MIN_PASSWORD + " characters.");
                return null;
            }
            return password;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Thêm người dùng; mật khẩu được hỏi (hoặc đọc từ đầu vào chuẩn).",
                    "Adds a user; the password is asked for (or read from standard input)."})
    static final class Add extends FileCommand {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", split = ",",
                description = "viewer, operator, auditor or admin (admin may do everything); repeat or separate by commas.")
        List<String> roles;

        @Override
        int run(UsersFile users, PrintWriter out, PrintWriter err) throws IOException {
            if (!validName(name, err)) {
                return UNUSABLE;
            }
            Set<Role> given = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                try {
                    given.add(UserAccount.role(role));
                } catch (IllegalArgumentException unknown) {
                    err.println("ROLE_UNKNOWN: Không có vai trò '" + role + "' (viewer, operator, auditor, admin).");
                    err.println("  There is no role '" + role + "' (viewer, operator, auditor, admin).");
                    return UNUSABLE;
                }
            }
            if (users.find(name).isPresent()) {
                err.println("USER_EXISTS: Đã có người dùng '" + name + "'; đổi mật khẩu bằng lệnh users passwd.");
                err.println("  A user '" + name + "' exists already; change the password with users passwd.");
                return REFUSED;
            }
            char[] password = newPassword(out, err);
            if (password == null) {
                return REFUSED;
            }
            try {
                if (!users.add(name, given, password, PasswordHash.DEFAULT)) {
                    err.println("USER_EXISTS: Đã có người dùng '" + name + "'.");
                    err.println("  A user '" + name + "' exists already.");
                    return REFUSED;
                }
            } finally {
                Arrays.fill(password, ' ');
            }
            out.println("Đã thêm người dùng " + name + " " + given + " vào " + users.path());
            out.println("Added user " + name + " " + given + " to " + users.path());
            return DONE;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Xóa người dùng; phiên đăng nhập của họ hết hiệu lực ở lần yêu cầu tiếp theo.",
                    "Removes a user; their sessions end at their next request."})
    static final class Remove extends FileCommand {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(UsersFile users, PrintWriter out, PrintWriter err) throws IOException {
            if (!users.remove(name)) {
                noSuchUser(name, err);
                return REFUSED;
            }
            out.println("Đã xóa người dùng " + name + ".");
            out.println("Removed user " + name + ".");
            return DONE;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"Đổi mật khẩu của người dùng.", "Changes a user's password."})
    static final class Passwd extends FileCommand {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(UsersFile users, PrintWriter out, PrintWriter err) throws IOException {
            if (users.find(name).isEmpty()) {
                noSuchUser(name, err);
                return REFUSED;
            }
            char[] password = newPassword(out, err);
            if (password == null) {
                return REFUSED;
            }
            try {
                if (!users.changePassword(name, password, PasswordHash.DEFAULT)) {
                    noSuchUser(name, err);
                    return REFUSED;
                }
            } finally {
                Arrays.fill(password, ' ');
            }
            out.println("Đã đổi mật khẩu của " + name + ".");
            out.println("Changed the password of " + name + ".");
            return DONE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Liệt kê người dùng và vai trò (không bao giờ in mật khẩu).",
                    "Lists the users and their roles (never a password)."})
    static final class ListUsers extends FileCommand {

        @Override
        int run(UsersFile users, PrintWriter out, PrintWriter err) throws IOException {
            List<UserAccount> all = users.users();
            out.println("Người dùng / Users: " + all.size());
            all.forEach(user -> out.println("  " + user.name() + " " + user.roles()));
            return DONE;
        }
    }
}
