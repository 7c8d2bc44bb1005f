package vn.lienthong.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Who is calling the operations API, and what they may do. {@code name} is what the transmission log records as
 * having acted. A {@code local} user is the holder of the operations token (the command line, run as the
 * connector's OS user), who names the OS user in each request's {@code operator} field.
 */
public record OpsUser(String name, Set<Role> roles, boolean local) {

    private static final int NAME_LIMIT = 100;

    /** The operations token's holder: may do everything the API offers. */
    public static OpsUser tokenHolder() {
        return new OpsUser("the operations token's holder", Set.of(Role.values()), true);
    }

    /** What a user may do; a role grants only itself (an admin is given every role explicitly). */
    public enum Role {
        /** Read queues, documents, dead letters and held documents. */
        VIEWER,
        /** Retry, release and discard. */
        OPERATOR,
        /** Read everything, and export the transmission log. */
        AUDITOR,
        /** Manage users. */
        ADMIN
    }

    public OpsUser {
        roles = Set.copyOf(roles);
    }

    public boolean may(Role role) {
        return roles.contains(role);
    }

    /**
     * Who acted, as the transmission log records it: for the token's holder the OS user named in the request's
     * {@code operator} field (only characters a user name has), for anyone else their own name.
     */
    public String actor(JsonNode request) {
        if (!local) {
            return "user '" + name + "'";
        }
        String claimed = OpsAnswer.text(request, "operator", NAME_LIMIT).replaceAll("[^\\p{L}\\p{N}._@-]", "_");
        return claimed.isBlank() ? "an unnamed operator" : "operator '" + claimed + "'";
    }
}
