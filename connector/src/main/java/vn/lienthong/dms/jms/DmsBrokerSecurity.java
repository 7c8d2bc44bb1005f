package vn.lienthong.dms.jms;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;

/**
 * Who may do what on the embedded broker once DMS clients can reach it over TCP.
 * <ul>
 * <li>In-VM connections are the connector itself (nothing outside this process can open one): everything.</li>
 * <li>A TCP connection authenticates as a JMS client: user = its client id, password = its API key (checked
 *     against the SHA-256 in the clients file). It may send only to its own {@code .in} queue, and consume or
 *     browse only its own {@code .out} (or chosen) and {@code .results} queues; nothing else (no creating or
 *     deleting queues, no management). The queues are declared by the connector at start, so no client can
 *     take another's queue name first.</li>
 * </ul>
 * Artemis's role-based security settings cannot say "each user only its own queues" without one entry per
 * client, hence this manager; it reads the same clients file as every other interface.
 */
public final class DmsBrokerSecurity implements ActiveMQSecurityManager5 {

    /** Not a possible client id (see {@link DmsQueues}), so the broker's caches can never mix the two up. */
    static final String CONNECTOR = "<connector in-vm>";

    private final ClientRegistry clients;
    private final Map<String, DmsQueues> queuesByClient = new HashMap<>();

    public DmsBrokerSecurity(ClientRegistry clients, List<DmsQueues> jmsClients) {
        this.clients = clients;
        jmsClients.forEach(queues -> queuesByClient.put(queues.clientId(), queues));
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return subjectOf(CONNECTOR);
        }
        if (user == null || !queuesByClient.containsKey(user)) {
            return null;
        }
        Optional<DmsClient> client = clients.byId(user).filter(found -> ApiKeys.matches(password, found.apiKeySha256()));
        return client.map(found -> subjectOf(found.id())).orElse(null);
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String user = userOf(subject);
        if (CONNECTOR.equals(user)) {
            return true;
        }
        DmsQueues queues = user == null ? null : queuesByClient.get(user);
        return queues != null && permits(queues, checkType, address);
    }

    static boolean permits(DmsQueues queues, CheckType checkType, String address) {
        // A fully qualified name (address::queue) must stay within the client's own queues on both sides.
        int separator = address.indexOf("::");
        if (separator >= 0 && !address.substring(0, separator).equals(address.substring(separator + 2))) {
            return false;
        }
        String name = separator >= 0 ? address.substring(0, separator) : address;
        if (checkType == CheckType.SEND) {
            return name.equals(queues.in());
        }
        if (checkType == CheckType.CONSUME || checkType == CheckType.BROWSE) {
            return name.equals(queues.out()) || name.equals(queues.results());
        }
        return false;
    }

    private static Subject subjectOf(String user) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        return subject;
    }

    private static String userOf(Subject subject) {
        if (subject == null) {
            return null;
        }
        return subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst().orElse(null);
    }

    /** The older entry points; Artemis calls the two above on a manager of this kind. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
