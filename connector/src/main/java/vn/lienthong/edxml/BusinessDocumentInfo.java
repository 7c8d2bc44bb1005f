package vn.lienthong.edxml;

import java.util.List;

/** What an update (BussinessDocType 2) changed, and for which recipients. */
public record BusinessDocumentInfo(String documentInfo, String documentReceiver, List<Receiver> receivers) {

    public BusinessDocumentInfo {
        receivers = List.copyOf(receivers);
    }
}
