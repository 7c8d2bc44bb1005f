package vn.lienthong.signature.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET and POST for CRLs and OCSP, with a timeout and a size cap: a CRL URL comes from a certificate anyone can
 * make, so neither a slow server nor an endless body may hold the connector.
 */
final class HttpFetcher {

    /** National CAs publish CRLs of a few MB; anything far larger is not a CRL we want in memory. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    HttpFetcher(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    byte[] get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(checked(uri)).timeout(timeout).GET().build());
    }

    byte[] post(URI uri, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(checked(uri))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private static URI checked(URI uri) throws IOException {
        if (!CertificateFacts.isHttp(uri)) {
            throw new IOException("only http and https URLs are fetched, not " + uri.getScheme());
        }
        return uri;
    }

    private byte[] send(HttpRequest request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.uri(), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException(request.uri() + " sent more than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
