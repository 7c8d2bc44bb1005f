package vn.lienthong.dms.soap;

import vn.lienthong.dms.rest.HostileBodies;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a JVM whose heap is far smaller than the bodies: the SOAP interface takes two requests at once from a caller
 * without a key, each a SOAP body holding one element name of {@code args[1]} bytes. Prints, per answer, its status,
 * whether it names LIMIT_NAME_LENGTH, and its length. A name held in memory ends the JVM with OutOfMemoryError.
 */
public final class HostileSoapProbe {

    private HostileSoapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long nameBytes = Long.parseLong(args[1]);
        try (SoapAgencies agencies = SoapAgencies.start(root)) {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(agencies.address(SoapAgencies.OFFICE))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"urn:lienthong:dms:v1:fetchInbox\"")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(nameBytes))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> pending : answers) {
                HttpResponse<String> answer = pending.get();
                System.out.println("answer " + answer.statusCode() + " "
                        + (answer.body().contains("<code>LIMIT_NAME_LENGTH</code>") ? "LIMIT_NAME_LENGTH" : "-") + " "
                        + answer.body().length() + " chars");
            }
        }
        System.exit(0); // the embedded brokers' in-VM threads would keep the JVM alive for another minute
    }

    private static InputStream body(long nameBytes) {
        return HostileBodies.concat(
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><x",
                new HostileBodies.Repeated('a', nameBytes), "/></soapenv:Body></soapenv:Envelope>");
    }
}
