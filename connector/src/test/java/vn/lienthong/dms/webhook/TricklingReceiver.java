package vn.lienthong.dms.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver that never finishes answering: it reads the POST, answers {@code 200} with a body of a
 * million bytes at once in its headers, then writes that body one byte every 100 ms, for as long as the caller
 * keeps the connection. A raw socket server on a dynamic loopback port, so nothing between it and the caller
 * smooths the trickle.
 */
final class TricklingReceiver implements AutoCloseable {

    private static final byte[] HEADERS = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final Set<Socket> stalled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();

    private TricklingReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    static TricklingReceiver start() throws IOException {
        TricklingReceiver receiver = new TricklingReceiver();
        receiver.readers.execute(receiver::accept);
        receiver.trickle.scheduleAtFixedRate(receiver::writeOneByteEach, 100, 100, TimeUnit.MILLISECONDS);
        return receiver;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/lienthong/inbox");
    }

    /** POSTs received so far. */
    int requests() {
        return requests.get();
    }

    /** Exchanges whose caller is still reading the trickle. */
    int stalled() {
        return stalled.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                readers.execute(() -> answer(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            long length = contentLength(headers(in));
            for (long read = 0; read < length; read++) {
                if (in.read() < 0) {
                    throw new IOException("the request ended early");
                }
            }
            requests.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            out.write(HEADERS);
            out.flush();
            stalled.add(socket);
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    private void writeOneByteEach() {
        for (Socket socket : stalled) {
            try {
                socket.getOutputStream().write('.');
                socket.getOutputStream().flush();
            } catch (IOException callerLeft) {
                stalled.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the request ended in its headers");
            }
            headers.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    private static long contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        trickle.shutdownNow();
        stalled.forEach(TricklingReceiver::closeQuietly);
        readers.shutdownNow();
    }
}
