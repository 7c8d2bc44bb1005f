package vn.lienthong.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A curl command as a program printed it for a person to paste, done the way curl would do it: its method, its one
 * header, its body and its address. Tests find such a line in what was printed and run it, so that what is printed is
 * what is tested.
 */
public final class PrintedCurl {

    private static final Pattern CURL = Pattern.compile(
            "curl -s(?: -X (?<method>[A-Z]+))?(?: -H '(?<header>[^':]+): (?<value>[^']*)')?(?: -d '(?<body>[^']*)')? (?<url>http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrintedCurl() {
    }

    /** Runs the first curl command in {@code printed} whose text contains {@code containing}. */
    public static HttpResponse<String> run(String printed, String containing) throws Exception {
        for (String line : printed.split("\n")) {
            Matcher curl = CURL.matcher(line);
            if (line.contains(containing) && curl.find()) {
                return run(curl);
            }
        }
        throw new AssertionError("no curl command containing " + containing + " in:\n" + printed);
    }

    private static HttpResponse<String> run(Matcher curl) throws Exception {
        String body = curl.group("body");
        String method = curl.group("method") != null ? curl.group("method") : body != null ? "POST" : "GET";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(curl.group("url")))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (curl.group("header") != null) {
            request.header(curl.group("header"), curl.group("value"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
