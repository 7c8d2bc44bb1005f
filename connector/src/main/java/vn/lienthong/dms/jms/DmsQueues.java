package vn.lienthong.dms.jms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;

/**
 * The queues of one DMS client that uses JMS: it sends envelopes to {@code lienthong.dms.<id>.in}, reads the
 * answers to them from {@code lienthong.dms.<id>.results}, and reads what arrives for its agencies from
 * {@code lienthong.dms.<id>.out} (or the queue named in its delivery, {@code "queue"} in the clients file).
 */
public record DmsQueues(String clientId, String in, String out, String results) {

    /** Client ids become address words, so no dots and no wildcard characters ({@code # *}). */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final List<String> RESERVED_PREFIXES = List.of("lienthong.", "dlq.", "activemq.", "$sys.");

    public static DmsQueues of(DmsClient client) {
        String prefix = "lienthong.dms." + client.id();
        String chosen = client.delivery().jmsQueue();
        return new DmsQueues(client.id(), prefix + ".in", chosen == null ? prefix + ".out" : chosen, prefix + ".results");
    }

    public List<String> all() {
        return List.of(in, out, results);
    }

    /**
     * The queues of every client whose delivery mode is JMS, checked: an id that cannot name a queue, a chosen
     * queue that belongs to the connector or to another client, or a client without an API key (its broker
     * password) stops the start with a message naming the client.
     */
    public static List<DmsQueues> ofJmsClients(ClientRegistry clients) {
        List<DmsQueues> all = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (DmsClient client : clients.all()) {
            if (client.delivery().mode() != Delivery.Mode.JMS) {
                continue;
            }
            if (!CLIENT_ID.matcher(client.id()).matches()) {
                throw new IllegalArgumentException("JMS client id '" + client.id()
                        + "' may only hold letters, digits, '-' and '_': it is part of its queue names");
            }
            if (client.apiKeySha256() == null) {
                throw new IllegalArgumentException("JMS client " + client.id()
                        + " has no apiKeySha256: its API key is its password on the broker");
            }
            DmsQueues queues = of(client);
            checkChosenQueue(client, queues.out());
            for (String queue : queues.all()) {
                String owner = owners.putIfAbsent(queue, client.id());
                if (owner != null) {
                    throw new IllegalArgumentException("queue " + queue + " is claimed by clients " + owner + " and " + client.id());
                }
            }
            all.add(queues);
        }
        return all;
    }

    private static void checkChosenQueue(DmsClient client, String queue) {
        String lower = queue.toLowerCase(Locale.ROOT);
        boolean own = lower.startsWith(("lienthong.dms." + client.id() + ".").toLowerCase(Locale.ROOT));
        boolean reserved = RESERVED_PREFIXES.stream().anyMatch(lower::startsWith);
        if ((reserved && !own) || queue.contains("#") || queue.contains("*") || queue.contains("::")) {
            throw new IllegalArgumentException("JMS client " + client.id() + " may not read from queue '" + queue
                    + "': names under lienthong., DLQ., activemq. belong to the connector, and wildcards are not names");
        }
    }
}
