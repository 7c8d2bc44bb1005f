package vn.lienthong.validation;

import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StatusHeader;

/** Both header kinds may carry ResponseFor; rules read it the same way. */
final class ResponseForAccess {

    private ResponseForAccess() {
    }

    static ResponseFor of(MessageHeader header) {
        if (header instanceof EdocHeader edoc) {
            return edoc.responseFor();
        }
        return ((StatusHeader) header).responseFor();
    }
}
