package vn.lienthong.edxml;

import java.util.List;
import java.util.Map;

/**
 * The routing trace and the business info. {@code attributes} keeps the list's own unqualified attributes
 * (id, version, mustUnderstand, actor) in document order so that they survive a re-write.
 */
public record TraceHeaderList(List<TraceHeader> traceHeaders, Business business, Map<String, String> attributes) {

    public TraceHeaderList {
        traceHeaders = List.copyOf(traceHeaders);
        attributes = OrderedAttributes.copyOf(attributes);
    }
}
