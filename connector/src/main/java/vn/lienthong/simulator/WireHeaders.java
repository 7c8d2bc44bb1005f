package vn.lienthong.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.lienthong.axis.AxisSignature;

/**
 * Looks request headers up for {@link AxisSignature#verify}. The JDK's {@link Headers} already ignores case.
 * One SDK quirk needs more: its header map keeps both {@code docId} and {@code docid} from different calls, and
 * both are signed, so one case-insensitive name can carry two values. Of those, the one the sign-header names for
 * the exact spelling asked for is the right one.
 */
final class WireHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireHeaders() {
    }

    static Function<String, String> lookup(Headers headers) {
        Map<String, String> signedMembers = signedMembers(headers.getFirst(AxisSignature.SIGN_HEADER));
        return name -> {
            List<String> values = headers.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            String signed = signedMembers.get(name);
            return values.size() > 1 && signed != null && values.contains(signed) ? signed : values.get(0);
        };
    }

    private static Map<String, String> signedMembers(String signHeader) {
        if (signHeader == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(signHeader, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            // The verifier reports a malformed sign-header itself; here it only means "no preference".
            return Map.of();
        }
    }
}
