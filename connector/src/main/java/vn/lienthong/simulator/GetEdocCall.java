package vn.lienthong.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Optional;

/**
 * getEdoc: the package as base64 inside the JSON answer. Packages run to hundreds of megabytes, so the
 * {@code data} member is written as it is sent, the file base64-encoded chunk by chunk. Only a recipient system
 * may fetch; to anyone else the package does not exist (404), which reveals nothing.
 */
final class GetEdocCall implements Call {

    private final PostOffice postOffice;
    private final Counters counters;

    GetEdocCall(PostOffice postOffice, Counters counters) {
        this.postOffice = postOffice;
        this.counters = counters;
    }

    @Override
    public Answer answer(Caller caller, HttpExchange exchange) {
        Optional<String> docId = caller.header("docId");
        if (docId.isEmpty()) {
            return Answer.fail(400, "docId is not among the signed headers");
        }
        Optional<Parcel> parcel = postOffice.fetchable(caller.systemId(), docId.get());
        if (parcel.isEmpty()) {
            return Answer.fail(404, "no package " + docId.get() + " for this system").about(docId.get());
        }
        return Answer.streamed("data", body -> {
            try (InputStream in = Files.newInputStream(parcel.get().file());
                 OutputStream base64 = Base64.getEncoder().wrap(new KeepOpen(body))) {
                in.transferTo(base64);
            }
            counters.packagesFetched.incrementAndGet();
        }).about(docId.get());
    }

    /** Closing the base64 encoder writes its final padding; the answer around it must stay open. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
