package vn.lienthong.ops.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.ops.http.OpsUser.Role;

class UsersFileTest {

    private static final PasswordHash.Parameters LIGHT = new PasswordHash.Parameters(1024, 1, 1);

    @TempDir
    Path directory;

    @Test
    void an_added_user_is_stored_owner_only_with_a_hash_and_never_the_password() throws Exception {
        UsersFile users = new UsersFile(directory.resolve("users.json"));
        assertThat(users.add("lan.nguyen", Set.of(Role.OPERATOR), "mật-khẩu-của-Lan".toCharArray(), LIGHT)).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users.path()))).isEqualTo("rw-------");
        String content = Files.readString(users.path());
        assertThat(content).contains("lan.nguyen").contains("operator").contains("$argon2id$")
                .doesNotContain("mật-khẩu-của-Lan");
        UserAccount lan = new UsersFile(users.path()).find("lan.nguyen").orElseThrow();
        assertThat(PasswordHash.matches("mật-khẩu-của-Lan".toCharArray(), lan.passwordHash())).isTrue();
        assertThat(users.add("lan.nguyen", Set.of(Role.ADMIN), "another one".toCharArray(), LIGHT)).isFalse();
    }

    @Test
    void a_reader_sees_users_added_removed_and_changed_after_it_first_read() throws Exception {
        Path file = directory.resolve("users.json");
        UsersFile connector = new UsersFile(file);
        UsersFile command = new UsersFile(file);
        assertThat(connector.users()).isEmpty();

        command.add("an", Set.of(Role.VIEWER), "first password".toCharArray(), LIGHT);
        assertThat(connector.find("an")).isPresent();
        String before = connector.find("an").orElseThrow().passwordHash();
        command.changePassword("an", "second password".toCharArray(), LIGHT);
        assertThat(PasswordHash.matches("second password".toCharArray(), connector.find("an").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(connector.find("an").orElseThrow().passwordHash()).isNotEqualTo(before);
        assertThat(command.remove("an")).isTrue();
        assertThat(connector.users()).isEmpty();
        assertThat(command.remove("an")).isFalse();
    }

    @Test
    void an_admin_may_do_everything_and_an_operator_or_auditor_also_views() {
        assertThat(new UserAccount("a", Set.of(Role.ADMIN), "").effectiveRoles()).containsExactlyInAnyOrder(Role.values());
        assertThat(new UserAccount("o", Set.of(Role.OPERATOR), "").effectiveRoles())
                .containsExactlyInAnyOrder(Role.OPERATOR, Role.VIEWER);
        assertThat(new UserAccount("u", Set.of(Role.AUDITOR), "").effectiveRoles())
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.VIEWER);
        assertThat(new UserAccount("v", Set.of(Role.VIEWER), "").effectiveRoles()).containsExactly(Role.VIEWER);
    }
}
