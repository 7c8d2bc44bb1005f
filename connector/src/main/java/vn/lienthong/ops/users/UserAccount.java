package vn.lienthong.ops.users;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.lienthong.ops.http.OpsUser;
import vn.lienthong.ops.http.OpsUser.Role;

/** One user of the console and the management API: a name, the roles given, and an Argon2id hash of the password. */
public record UserAccount(String name, Set<Role> roles, String passwordHash) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** Whether {@code name} can be a user's name: lower-case letters, digits and {@code . _ @ -}, 1 to 64 of them. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** A role by its name in the users file and on the command line (viewer, operator, auditor, admin). */
    public static Role role(String name) {
        return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * What the user may do: an admin everything; an operator and an auditor also read what a viewer reads, since
     * neither can act on or audit what they cannot see.
     */
    public Set<Role> effectiveRoles() {
        if (roles.contains(Role.ADMIN)) {
            return EnumSet.allOf(Role.class);
        }
        Set<Role> effective = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (roles.contains(Role.OPERATOR) || roles.contains(Role.AUDITOR)) {
            effective.add(Role.VIEWER);
        }
        return effective;
    }

    /** The user as the operations API sees a signed-in person. */
    public OpsUser asOpsUser() {
        return new OpsUser(name, effectiveRoles(), false);
    }

    @Override
    public String toString() {
        return "UserAccount[" + name + " " + roles + "]"; // never the hash
    }
}
