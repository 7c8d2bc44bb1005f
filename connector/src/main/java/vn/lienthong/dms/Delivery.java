package vn.lienthong.dms;

import java.net.URI;
import java.nio.file.Path;

/**
 * How a DMS client receives what arrives for its agencies.
 *
 * @param folder        FOLDER: the client's root folder (deliveries go to {@code out/}, status notices to {@code status/})
 * @param webhook       WEBHOOK: the URL that receives an HTTP POST per document
 * @param webhookSecretFile WEBHOOK: a file holding the secret of the HMAC header that signs each POST
 * @param jmsQueue      JMS: the queue the client reads from
 */
public record Delivery(Mode mode, Path folder, URI webhook, Path webhookSecretFile, String jmsQueue) {

    public enum Mode { FOLDER, WEBHOOK, JMS, PULL }

    public static Delivery pull() {
        return new Delivery(Mode.PULL, null, null, null, null);
    }

    public static Delivery folder(Path root) {
        return new Delivery(Mode.FOLDER, root, null, null, null);
    }
}
