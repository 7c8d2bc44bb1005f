package vn.lienthong.edxml;

import java.util.List;

/** A document replaced by a replacement (BussinessDocType 3), and the agencies the replacement applies to. */
public record ReplacementInfo(String documentId, List<String> organIds) {

    public ReplacementInfo {
        organIds = List.copyOf(organIds);
    }
}
