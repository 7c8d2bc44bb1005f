package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;

class UsersCommandTest {

    @TempDir
    Path directory;

    private record Output(int exit, String out, String err) {
    }

    /** Runs {@code users ...} with {@code input} as standard input (no console in tests, as under a pipe). */
    private Output users(String input, String... args) throws Exception {
        Path config = directory.resolve("connector.properties");
        Files.writeString(config, "lienthong.data.directory=" + directory.resolve("data") + "\n", StandardCharsets.UTF_8);
        String[] all = new String[args.length + 3];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        InputStream was = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            int exit = Main.run(all, new PrintWriter(out), new PrintWriter(err));
            return new Output(exit, out.toString(), err.toString());
        } finally {
            System.setIn(was);
        }
    }

    private UsersFile file() {
        return new UsersFile(directory.resolve("data/users.json"));
    }

    @Test
    void users_add_reads_the_password_from_standard_input_and_stores_its_hash_in_the_data_directory() throws Exception {
        Output added = users("mật khẩu đủ dài\n", "add", "thu.tran", "--role", "operator,auditor");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Đã thêm người dùng thu.tran").contains("Added user thu.tran");
        var account = file().find("thu.tran").orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.AUDITOR);
        assertThat(PasswordHash.matches("mật khẩu đủ dài".toCharArray(), account.passwordHash())).isTrue();
        assertThat(added.out() + added.err()).doesNotContain("mật khẩu đủ dài").doesNotContain("$argon2id$");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("data")))).as("a data directory made by the command")
                .isEqualTo("rwx------");
    }

    @Test
    void users_passwd_changes_the_password_and_users_remove_removes_the_user() throws Exception {
        users("first password\n", "add", "minh", "--role", "viewer");
        assertThat(users("second password\n", "passwd", "minh").exit()).isZero();
        assertThat(PasswordHash.matches("second password".toCharArray(), file().find("minh").orElseThrow().passwordHash()))
                .isTrue();
        Output removed = users("", "remove", "minh");
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).contains("Đã xóa người dùng minh.").contains("Removed user minh.");
        assertThat(file().users()).isEmpty();
    }

    @Test
    void refusals_are_said_in_both_languages_with_a_code() throws Exception {
        Output shortPassword = users("short\n", "add", "hoa", "--role", "admin");
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("PASSWORD_TOO_SHORT").contains("Mật khẩu cần ít nhất 10 ký tự")
                .contains("A password needs at least 10 characters");
        assertThat(file().users()).isEmpty();

        Output unknownRole = users("long enough password\n", "add", "hoa", "--role", "superuser");
        assertThat(unknownRole.exit()).isEqualTo(2);
        assertThat(unknownRole.err()).contains("ROLE_UNKNOWN").contains("Không có vai trò 'superuser'")
                .contains("There is no role 'superuser'");

        users("long enough password\n", "add", "hoa", "--role", "admin");
        Output twice = users("long enough password\n", "add", "hoa", "--role", "viewer");
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("USER_EXISTS").contains("A user 'hoa' exists already");

        Output missing = users("", "remove", "nobody");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("USER_NOT_FOUND").contains("Không có người dùng 'nobody'");

        Output badName = users("long enough password\n", "add", "Hoa Nguyễn", "--role", "viewer");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("USER_NAME_INVALID");
    }

    @Test
    void users_add_with_file_writes_the_users_file_named() throws Exception {
        Path named = directory.resolve("elsewhere/users.json");
        Output added = users("mật khẩu đủ dài\n", "add", "an", "--role", "viewer", "--file", named.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(new UsersFile(named).find("an")).isPresent();
        assertThat(file().users()).isEmpty();
    }

    @Test
    void there_is_no_option_that_takes_a_password_on_the_command_line() throws Exception {
        Output attempt = users("", "add", "hoa", "--role", "admin", "--password", "in-the-history");
        assertThat(attempt.exit()).isEqualTo(2);
        assertThat(file().users()).isEmpty();
    }
}
