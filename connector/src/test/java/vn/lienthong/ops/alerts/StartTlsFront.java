package vn.lienthong.ops.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import vn.lienthong.dms.TlsPki;

/**
 * STARTTLS in front of GreenMail, whose SMTP server does not offer it: greets and answers EHLO itself, offering
 * STARTTLS and refusing anything else before it, upgrades the connection with the given server TLS context, then
 * relays the rest of the session (from the second EHLO on) to GreenMail's plain SMTP port. So a client really
 * negotiates STARTTLS and really delivers to a real SMTP server.
 */
public final class StartTlsFront implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final int backendPort;
    private final AtomicInteger upgraded = new AtomicInteger();

    /** A front presenting {@code pki}'s server certificate, relaying to GreenMail's SMTP port. */
    public static StartTlsFront start(TlsPki pki, int backendPort) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.serverKeyStore())) {
            keys.load(in, TlsPki.PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TlsPki.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return new StartTlsFront(context, backendPort);
    }

    private StartTlsFront(SSLContext tls, int backendPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.tls = tls;
        this.backendPort = backendPort;
        Thread acceptor = new Thread(this::accept, "starttls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many sessions were upgraded to TLS. */
    public int upgraded() {
        return upgraded.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread session = new Thread(() -> serve(client), "starttls-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            readReply(backend.getInputStream()); // GreenMail's greeting; the client gets ours
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            write(out, "220 front ESMTP\r\n");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    write(out, "250-front\r\n250 STARTTLS\r\n");
                } else if (command.startsWith("STARTTLS")) {
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client,
                            client.getInetAddress().getHostAddress(), client.getPort(), false);
                    secured.setUseClientMode(false);
                    secured.startHandshake();
                    upgraded.incrementAndGet();
                    relay(secured, backend);
                    return;
                } else if (command.startsWith("QUIT")) {
                    write(out, "221 2.0.0 Bye\r\n");
                    return;
                } else {
                    write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
                }
            }
        } catch (IOException | InterruptedException sessionEnded) {
            // the client or GreenMail went away
        }
    }

    private static void relay(Socket secured, Socket backend) throws IOException, InterruptedException {
        Thread up = new Thread(() -> copy(secured, backend), "starttls-up");
        up.setDaemon(true);
        up.start();
        copy(backend, secured);
        up.join();
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException ended) {
            // one side closed
        }
    }

    /** Reads an SMTP reply (its last line has a space after the code). */
    private static void readReply(InputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
    }

    /** One CRLF-terminated line, byte by byte, so nothing after it is taken from the stream before TLS starts. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.US_ASCII).stripTrailing();
            }
            line.write(b);
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
