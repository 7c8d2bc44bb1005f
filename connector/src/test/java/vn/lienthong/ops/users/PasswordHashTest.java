package vn.lienthong.ops.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final PasswordHash.Parameters LIGHT = new PasswordHash.Parameters(1024, 1, 1);

    @Test
    void a_hash_matches_its_password_and_no_other() {
        String hash = PasswordHash.hash("mật khẩu đúng".toCharArray(), LIGHT);
        assertThat(PasswordHash.matches("mật khẩu đúng".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("mật khẩu sai".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.matches("".toCharArray(), hash)).isFalse();
    }

    @Test
    void a_hash_is_argon2id_with_its_own_salt_and_parameters_written_in_it() {
        String first = PasswordHash.hash("same password".toCharArray(), PasswordHash.DEFAULT);
        String second = PasswordHash.hash("same password".toCharArray(), PasswordHash.DEFAULT);
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("same password");
        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHash.matches("same password".toCharArray(), second)).isTrue();
    }

    @Test
    void a_hash_made_with_other_parameters_is_checked_with_those() {
        String light = PasswordHash.hash("password".toCharArray(), LIGHT);
        assertThat(light).contains("$m=1024,t=1,p=1$");
        assertThat(PasswordHash.matches("password".toCharArray(), light)).isTrue();
        assertThat(PasswordHash.matches("password".toCharArray(), light.replace("t=1", "t=2"))).isFalse();
    }

    /** Made by the reference implementation (Debian's argon2): {@code echo -n password | argon2 somesalt -id -t 2 -k 65536 -p 1 -e}. */
    @Test
    void a_hash_made_by_the_reference_implementation_is_recognised() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(PasswordHash.matches("password".toCharArray(), reference)).isTrue();
        assertThat(PasswordHash.matches("passwore".toCharArray(), reference)).isFalse();
    }

    @Test
    void anything_but_an_argon2id_hash_matches_nothing() {
        assertThat(PasswordHash.matches("x".toCharArray(), null)).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "plain")).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$AAAA")).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHQ$"
                + "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
    }
}
